package io.crmkit.core.customer;

/**
 * Kinds of identifying document or key. The check rules applied to each are described on
 * {@link Identifier}.
 */
public enum IdentifierType {
    /** A national identity card number; for issuer {@code CN} the 18-character resident ID with its ISO 7064 check digit. */
    NATIONAL_ID,
    PASSPORT,
    /** A business licence / registration number (issuer: the country). */
    BUSINESS_LICENCE,
    /** China's 18-character unified social credit code (统一社会信用代码), check character per GB 32100-2015. */
    UNIFIED_SOCIAL_CREDIT_CODE,
    /** ISO 17442 Legal Entity Identifier: 20 characters, ISO 7064 MOD 97-10 check digits. */
    LEI,
    TAX_ID,
    /** A key of the customer in another system (issuer: the system's name), for example the core-banking customer number. */
    EXTERNAL_SYSTEM
}
