package io.crmkit.quality.imports;

/**
 * What an import did so far, row by row. {@code read = inserted + updated + unchanged + skipped + rejected}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param read rows read
 * @param inserted new customers registered
 * @param updated existing customers changed
 * @param unchanged rows matching a customer that already held every value they carry
 * @param skipped rows matching a customer in {@link ImportMode#SKIP}
 * @param rejected rows written to the error file
 */
public record ImportCounts(long read, long inserted, long updated, long unchanged, long skipped, long rejected) {
    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0);

    /** Rows that wrote something. */
    public long written() {
        return inserted + updated;
    }

    ImportCounts plus(RowOutcome.Kind kind) {
        return switch (kind) {
            case INSERTED -> new ImportCounts(read + 1, inserted + 1, updated, unchanged, skipped, rejected);
            case UPDATED -> new ImportCounts(read + 1, inserted, updated + 1, unchanged, skipped, rejected);
            case UNCHANGED -> new ImportCounts(read + 1, inserted, updated, unchanged + 1, skipped, rejected);
            case SKIPPED -> new ImportCounts(read + 1, inserted, updated, unchanged, skipped + 1, rejected);
            case REJECTED -> new ImportCounts(read + 1, inserted, updated, unchanged, skipped, rejected + 1);
        };
    }
}
