package io.crmkit.analytics.nba;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;

/**
 * The contact-policy gate the next-best-action engine asks before it proposes a contact: may this
 * customer be contacted on this channel for this purpose at this instant? The firm-wide contact
 * policy (consent per contact point and purpose, do-not-contact lists, frequency caps across
 * departments) plugs in here; until a host supplies one, {@link #allowAll()} lets every contact
 * through, so consent must then be enforced where the contact is actually made.
 *
 * <p>The engine calls the gate only for propositions that passed eligibility, applicability and
 * suitability, at most once per customer and proposition per run, possibly from several threads at
 * once: implementations must be thread-safe and should be quick (they run up to hundreds of
 * millions of times over a large frame). The customer is identified by its frame and row:
 * {@code frame.customerKey(row)} is the CRM's {@code CustomerId}, {@code frame.ids()[row]} the
 * numeric id, and any feature of the row can be read. A gate must not throw for an ordinary
 * "no"; an exception aborts the run.
 */
@FunctionalInterface
public interface ContactGate {

    /**
     * @param frame   the frame being scored
     * @param row     the customer's row in it
     * @param channel the channel the proposition would use
     * @param purpose the consent purpose of the contact
     * @param at      the instant of the run
     * @return allow, deny (with a reason) or defer (until an instant)
     */
    ContactDecision decide(FeatureFrame frame, int row, Channel channel, ConsentPurpose purpose, Instant at);

    /** The default gate: allows every contact. The engine recognises it and skips the calls. */
    static ContactGate allowAll() {
        return AllowAll.INSTANCE;
    }

    /** The allow-all gate, one instance. */
    enum AllowAll implements ContactGate {
        INSTANCE;

        @Override
        public ContactDecision decide(FeatureFrame frame, int row, Channel channel, ConsentPurpose purpose, Instant at) {
            return ContactDecision.allow();
        }
    }
}
