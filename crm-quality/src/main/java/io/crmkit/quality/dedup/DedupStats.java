package io.crmkit.quality.dedup;

/**
 * How much work a batch run did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records records compared
 * @param blocks blocks with at least two records
 * @param oversizedBlocks blocks skipped for holding more than the configured maximum (a shared switchboard number, say)
 * @param comparisons pairs scored (each pair once, however many blocks it shares)
 * @param candidates pairs at or above the review threshold
 */
public record DedupStats(long records, long blocks, long oversizedBlocks, long comparisons, long candidates) {
    /** Comparisons as a fraction of all n(n-1)/2 pairs. */
    public double comparisonRatio() {
        double all = records * (records - 1) / 2.0;
        return all <= 0 ? 0 : comparisons / all;
    }
}
