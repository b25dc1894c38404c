package io.crmkit.core.casework;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.opportunity.OpportunityId;
import org.jspecify.annotations.Nullable;

/**
 * What a case is about besides its customer: the contact who raised it (for an institution), the
 * account, the interaction it came from and the opportunity it concerns. Each must belong to the
 * case's customer; the service checks that, and treats a hidden record as absent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contactId the contact, or {@code null}
 * @param accountId the linked account, or {@code null}
 * @param interactionId the interaction, or {@code null}
 * @param opportunityId the opportunity, or {@code null}
 */
public record CaseLinks(@Nullable ContactId contactId, @Nullable AccountId accountId,
        @Nullable InteractionId interactionId, @Nullable OpportunityId opportunityId) {
    private static final CaseLinks NONE = new CaseLinks(null, null, null, null);

    /** No links. */
    public static CaseLinks none() {
        return NONE;
    }

    public CaseLinks contact(@Nullable ContactId value) {
        return new CaseLinks(value, accountId, interactionId, opportunityId);
    }

    public CaseLinks account(@Nullable AccountId value) {
        return new CaseLinks(contactId, value, interactionId, opportunityId);
    }

    public CaseLinks interaction(@Nullable InteractionId value) {
        return new CaseLinks(contactId, accountId, value, opportunityId);
    }

    public CaseLinks opportunity(@Nullable OpportunityId value) {
        return new CaseLinks(contactId, accountId, interactionId, value);
    }

    /** These links with every link {@code more} sets put over them. */
    public CaseLinks with(CaseLinks more) {
        return new CaseLinks(more.contactId != null ? more.contactId : contactId,
                more.accountId != null ? more.accountId : accountId,
                more.interactionId != null ? more.interactionId : interactionId,
                more.opportunityId != null ? more.opportunityId : opportunityId);
    }
}
