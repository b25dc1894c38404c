package io.crmkit.core.consent;

import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.interaction.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The kind of contact point a consent is given for: the customer's phone (calls and SMS), email,
 * postal address or the firm's app (pushes, in-app messages, chat). Each interaction
 * {@link Channel} reaches the customer through one of them, except the in-person channels
 * ({@link Channel#MEETING}, {@link Channel#BRANCH_VISIT}), which use no contact point and need no
 * contact-point consent.
 */
public enum ContactPointKind {
    PHONE,
    EMAIL,
    POSTAL,
    APP;

    /** The contact point {@code channel} uses, or {@code null} for the in-person channels. */
    public static @Nullable ContactPointKind of(Channel channel) {
        return switch (channel) {
            case PHONE, CALL_CENTRE, SMS -> PHONE;
            case EMAIL -> EMAIL;
            case LETTER -> POSTAL;
            case APP, WEB, CHAT -> APP;
            case MEETING, BRANCH_VISIT -> null;
        };
    }

    /** The kind of a customer-record contact point (whose embedded consents the policy also reads). */
    public static ContactPointKind of(ContactPointType type) {
        return switch (type) {
            case PHONE -> PHONE;
            case EMAIL -> EMAIL;
            case POSTAL -> POSTAL;
        };
    }
}
