package io.crmkit.core.outreach;

/** What a customer did with something sent to them. */
public enum EngagementKind {
    /** Opened it (an e-mail's tracking pixel, an app notification tapped open). */
    OPENED,
    /** Followed a link in it. */
    CLICKED
}
