package io.crmkit.core.interaction;

/** Who started the interaction: the customer (inbound) or the firm (outbound). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
