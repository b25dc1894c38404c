package io.crmkit.core.governance;

/**
 * A personal field a role sees only masked on every read path. Masked records keep their ids and
 * structure, so screens still work; the services refuse to save a record that carries a masked
 * value, so masking can never overwrite real data.
 */
public enum FieldMask {
    /** Identifier values: the first 3 and last 4 characters kept, e.g. {@code 110***********1234}. */
    IDENTIFIER_VALUE,
    /** Phone numbers: the country prefix and the last 4 digits kept. */
    PHONE,
    /** Email addresses: the first character of the local part and the domain kept. */
    EMAIL,
    /** Postal addresses: lines and postal code replaced; city and country kept. */
    POSTAL_ADDRESS,
    /** The date of birth removed (read as unknown). */
    BIRTH_DATE
}
