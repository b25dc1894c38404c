package io.crmkit.jpa.internal;

/**
 * The settings the repositories need, taken from the public configuration.
 *
 * @param batchWrites queue writes inside transactions and send them in JDBC batches at commit
 * @param fetchSize rows per round trip when streaming
 * @param documents how documents and searchable columns are written: plain or field-encrypted
 */
record StoreSettings(boolean batchWrites, int fetchSize, Documents documents) {
}
