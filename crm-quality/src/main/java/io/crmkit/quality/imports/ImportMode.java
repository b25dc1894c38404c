package io.crmkit.quality.imports;

/**
 * What the importer does with a row, decided by whether one of the row's identifiers already
 * belongs to a customer (the same rule the store enforces: no two customers share an identifier of
 * the same type, issuer and value).
 */
public enum ImportMode {
    /** New customers only: a row whose identifier is taken is rejected ({@code DuplicateKey}). */
    INSERT,
    /** Existing customers only: a row matching no customer is rejected ({@code NotFound}). */
    UPDATE,
    /** Insert when no customer matches, otherwise update it. */
    UPSERT,
    /** Insert when no customer matches, otherwise leave the customer alone (counted as skipped). */
    SKIP
}
