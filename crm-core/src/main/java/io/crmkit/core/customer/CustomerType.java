package io.crmkit.core.customer;

/** A customer is a natural person or an institution (company, fund, government body). */
public enum CustomerType {
    INDIVIDUAL,
    INSTITUTION
}
