package io.crmkit.core.customer;

/** What a contact may be used for. Consent is given per contact point and purpose. */
public enum ConsentPurpose {
    MARKETING,
    SERVICE,
    RESEARCH
}
