package io.crmkit.quality.dedup;

import java.util.List;

/**
 * The candidate pairs of a batch run, sorted by left then right key, and its statistics.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pairs pairs scoring at least the review threshold
 * @param stats the work done
 */
public record DedupResult(List<CandidatePair> pairs, DedupStats stats) {
    public DedupResult {
        pairs = List.copyOf(pairs);
    }
}
