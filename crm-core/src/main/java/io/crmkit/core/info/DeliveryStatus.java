package io.crmkit.core.info;

/** What became of one push. */
public enum DeliveryStatus {
    /** The channel accepted it. */
    DELIVERED,
    /** The channel refused it or failed; the failure code says why. */
    FAILED
}
