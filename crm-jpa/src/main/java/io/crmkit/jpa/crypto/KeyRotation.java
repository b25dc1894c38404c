package io.crmkit.jpa.crypto;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Re-encrypts stored rows under the {@link KeyProvider#primaryKeyId() primary key} after a
 * rotation (and encrypts rows written before encryption was switched on). Get it from
 * {@link io.crmkit.jpa.JpaCrmStore#keyRotation()}.
 *
 * <p>The job walks every table that holds marked fields in primary-key order, one batch per
 * transaction; each batch locks its rows ({@code SELECT ... FOR UPDATE}), so a concurrent write of
 * the same row waits for the batch instead of being overwritten, then rewrites the rows that hold
 * a value under another key or in plaintext: documents, and the blind indexes of identifiers and
 * account numbers. Reads and lookups go on during the job: every key of
 * {@link KeyProvider#keyIds()} still decrypts, and a lookup asks for the blind index under each of
 * them. It is resumable and idempotent: a batch that fails rolls back alone, rows already under
 * the primary key are skipped, and {@link #step} continues from the cursor the last report gave.
 *
 * <p>Thread-safe; run one job at a time per database.
 */
public interface KeyRotation {
    /**
     * Processes one batch of at most {@code batchSize} rows (1 to 10,000) after {@code cursor}
     * ({@code null}: from the start).
     *
     * @return what the batch did and where the next one starts ({@link RotationReport#cursor()} {@code null}: done)
     */
    RotationReport step(@Nullable String cursor, int batchSize);

    /** Runs batches until every table is done; the totals of all of them. */
    RotationReport runToEnd(int batchSize);

    /** {@link #runToEnd(int)} on {@code executor}. */
    default CompletableFuture<RotationReport> runInBackground(Executor executor, int batchSize) {
        return CompletableFuture.supplyAsync(() -> runToEnd(batchSize), executor);
    }

    /** How many rows still hold a value that is not under the primary key (reads every table). */
    long remaining();
}
