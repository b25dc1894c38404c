package io.crmkit.core;

import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Consents and do-not-contact flags, reached through {@code crm.as(actor).consents()}. Writes need
 * {@link io.crmkit.core.governance.Operation#CONSENT_WRITE} on the customer and go through the
 * write pipeline (interceptors, transaction, maker-checker, audit trail, events); reads show only
 * customers the actor sees (hidden and absent look the same).
 *
 * <p>Thread-safe.
 */
public interface ConsentService {
    /**
     * Captures a grant or refusal, replacing the customer's record for the contact point kind and
     * purpose (the audit trail keeps the earlier state). A grant with double opt-in is PENDING
     * until {@link #confirm}.
     *
     * @throws io.crmkit.core.error.ValidationException on bad input, or a capture time more than a
     *     day ahead of the clock or before 1900
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     */
    ConsentRecord capture(NewConsent consent);

    /**
     * Confirms a PENDING double opt-in now: it permits contact from now (or its effective start).
     *
     * @throws io.crmkit.core.error.NotFoundException if the record is absent or its customer hidden
     * @throws io.crmkit.core.error.ValidationException on field {@code status} unless it is PENDING
     */
    ConsentRecord confirm(ConsentId id);

    /**
     * Withdraws the customer's consent for the contact point kind and purpose now, through
     * {@code via} (a code such as {@code app:settings}). Withdrawing a withdrawn or refused consent
     * changes nothing and returns it.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden, or has no
     *     record for the contact point kind and purpose
     */
    ConsentRecord withdraw(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose, String via);

    /** The customer's record for the contact point kind and purpose, if any. */
    Optional<ConsentRecord> find(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose);

    /** Every consent record of the customer, by id. */
    List<ConsentRecord> consentsOf(CustomerId customerId);

    /**
     * Sets the customer's do-not-contact flags (replacing earlier ones): {@code everything} blocks
     * every channel, {@code channels} single ones; neither clears the flags.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or hidden
     */
    DoNotContact setDoNotContact(CustomerId customerId, boolean everything, Set<Channel> channels, String source);

    /** The customer's do-not-contact flags, if any were ever set. */
    Optional<DoNotContact> doNotContact(CustomerId customerId);
}
