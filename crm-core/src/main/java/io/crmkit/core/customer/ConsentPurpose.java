package io.crmkit.core.customer;

/**
 * What a contact may be used for. Consent is given per contact point (channel) and purpose; the
 * firm's contact policy exempts some purposes (by default {@link #SERVICE} and
 * {@link #TRANSACTIONAL}) from some of its checks.
 */
public enum ConsentPurpose {
    /** Offers, campaigns, cross-selling. */
    MARKETING,
    /** Service to the customer: answers to requests, appointments, account servicing. */
    SERVICE,
    /** Market research and analysis (调研). */
    RESEARCH,
    // Consent and contact policy (issue 12):
    /** Messages the firm must send about the customer's own business: confirmations, statements, margin calls. */
    TRANSACTIONAL,
    /** The information service (信息服务): research reports, morning notes, subscribed pushes. */
    INFORMATION,
    /** Satisfaction and other surveys (满意度调查). */
    SURVEY
}
