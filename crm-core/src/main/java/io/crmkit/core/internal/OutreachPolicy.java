package io.crmkit.core.internal;

import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place campaigns and pushes ask whether a customer may be contacted: every outbound contact
 * of this feature passes {@link #decide}, in bulk. Stateless; thread-safe.
 */
final class OutreachPolicy {
    /** Allow, deny with a reason code, or defer until an instant. */
    record Verdict(Kind kind, @Nullable String reason, @Nullable Instant until) {
        enum Kind { ALLOW, DENY, DEFER }

        static final Verdict ALLOW = new Verdict(Kind.ALLOW, null, null);

        static Verdict deny(String reason) {
            return new Verdict(Kind.DENY, reason, null);
        }
    }

    private final Engine engine;

    OutreachPolicy(Engine engine) {
        this.engine = engine;
    }

    /** One verdict per customer, in order, for a contact on {@code channel} for {@code purpose}, customer i at {@code at[i]}. */
    Verdict[] decide(List<Customer> customers, Channel channel, ConsentPurpose purpose, Instant[] at) {
        Verdict[] out = new Verdict[customers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = consent(customers.get(i), channel, purpose);
        }
        return out;
    }

    /** Consent on a contact point the channel uses; closed and churned customers are not marketed to. */
    static Verdict consent(Customer c, Channel channel, ConsentPurpose purpose) {
        if (c.lifecycle() == LifecycleStage.CLOSED) {
            return Verdict.deny("CUSTOMER_CLOSED");
        }
        ContactPointType type = pointType(channel);
        for (ContactPoint p : c.contactPoints()) {
            if ((type == null || p.type() == type) && p.permits(purpose)) {
                return Verdict.ALLOW;
            }
        }
        return Verdict.deny("NO_CONSENT");
    }

    /** The contact point a channel needs; {@code null} for channels reaching the customer in the app or in person. */
    static @Nullable ContactPointType pointType(Channel channel) {
        return switch (channel) {
            case SMS, PHONE, CALL_CENTRE -> ContactPointType.PHONE;
            case EMAIL -> ContactPointType.EMAIL;
            case LETTER -> ContactPointType.POSTAL;
            default -> null;
        };
    }
}
