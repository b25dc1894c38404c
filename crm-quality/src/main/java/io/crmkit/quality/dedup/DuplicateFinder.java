package io.crmkit.quality.dedup;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import io.crmkit.quality.normalize.PhoneNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Finds records that are probably the same customer. Each record is normalised once (NFKC for
 * full-width forms, case, spacing and accents, Latin names in any token order, phones in E.164,
 * e-mails in canonical form, identifiers whose check digits passed), then given several blocking
 * keys: each phone, e-mail and identifier, and name + birth date (full name, initials, local-script
 * name; the birth key ignores a swap of day and month). Only records sharing a key are compared, so
 * the work grows with the block sizes, not with n². A block of more than {@code maxBlockSize}
 * records is skipped and counted. Each pair is scored once ({@link PairScorer}: Fellegi-Sunter
 * weights from {@link MatchWeights}) in the first block the two share.
 *
 * <pre>{@code
 * DuplicateFinder finder = DuplicateFinder.custom().weights(MatchWeights.defaults()).build();
 * DedupResult r = finder.find(records);                    // batch: every pair at or above REVIEW
 * List<CandidatePair> c = DuplicateIndex.of(finder, stored).candidates(newRecord);  // inline
 * }</pre>
 *
 * <p>Blocks are hashed to 40 bits and records numbered in 24, packed into one {@code long} each
 * and sorted: memory is 8 bytes per key, and a rare hash collision only adds comparisons.
 * Immutable and thread-safe; a batch run uses the common fork-join pool.
 */
public final class DuplicateFinder {
    /** Most records one batch run takes (the 24 bits of a packed record number). */
    public static final int MAX_RECORDS = 1 << 24;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final MatchWeights weights;
    private final int maxBlockSize;
    private final PhoneNormalizer phones;

    private DuplicateFinder(Builder b) {
        this.weights = b.weights;
        this.maxBlockSize = b.maxBlockSize;
        this.phones = b.phones;
    }

    public static Builder custom() {
        return new Builder();
    }

    public static DuplicateFinder ofDefaults() {
        return custom().build();
    }

    public MatchWeights weights() {
        return weights;
    }

    /** A copy with other weights (for example estimated by {@link EmEstimator}). */
    public DuplicateFinder withWeights(MatchWeights value) {
        return custom().weights(value).maxBlockSize(maxBlockSize).phoneRegion(phones.defaultRegion()).build();
    }

    MatchFeatures features(MatchRecord r) {
        return new MatchFeatures(r, phones);
    }

    /**
     * Every pair of {@code records} scoring at least the review threshold.
     *
     * @throws ValidationException if there are more than {@link #MAX_RECORDS} records, or two share a key
     */
    public DedupResult find(List<MatchRecord> records) {
        MatchFeatures[] f = prepare(records);
        ConcurrentLinkedQueue<CandidatePair> found = new ConcurrentLinkedQueue<>();
        long[] work = forEachPair(f, (a, b) -> {
            CandidatePair c = score(a, b);
            if (c != null) {
                found.add(c);
            }
        });
        List<CandidatePair> pairs = new ArrayList<>(found);
        pairs.sort(Comparator.comparing(CandidatePair::left).thenComparing(CandidatePair::right));
        return new DedupResult(pairs, new DedupStats(f.length, work[0], work[1], work[2], pairs.size()));
    }

    /** Checks and normalises the records (in parallel). */
    MatchFeatures[] prepare(List<MatchRecord> records) {
        Check.notNull(records, "records");
        Check.that(records.size() <= MAX_RECORDS, "records", "Size", "at most " + MAX_RECORDS + " records per run");
        Set<String> seen = new HashSet<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            MatchRecord r = records.get(i);
            // the field names are built only for a record that fails (building them for each cost 4% of a run)
            if (r == null) {
                Check.notNull(r, "records[" + i + "]");
            } else if (!seen.add(r.key())) {
                Check.that(false, "records[" + i + "].key", "UniqueKey", "every record needs its own key");
            }
        }
        MatchFeatures[] f = new MatchFeatures[records.size()];
        IntStream.range(0, f.length).parallel().forEach(i -> f[i] = features(records.get(i)));
        return f;
    }

    /** Something done with each compared pair; called from several threads at once. */
    interface PairVisitor {
        void visit(MatchFeatures a, MatchFeatures b);
    }

    /** Blocks the records and visits every pair sharing a key, once. Returns {blocks, oversized blocks, comparisons}. */
    long[] forEachPair(MatchFeatures[] f, PairVisitor visitor) {
        int total = Arrays.stream(f).mapToInt(x -> x.keys.length).sum();
        long[] packed = new long[total];
        int p = 0;
        for (int i = 0; i < f.length; i++) {
            for (long h : f[i].keys) {
                packed[p++] = (h << INDEX_BITS) | i;
            }
        }
        Arrays.parallelSort(packed);
        List<int[]> blocks = new ArrayList<>();
        long oversized = 0;
        for (int start = 0; start < packed.length; ) {
            int end = start + 1;
            long h = packed[start] >>> INDEX_BITS;
            while (end < packed.length && (packed[end] >>> INDEX_BITS) == h) {
                end++;
            }
            if (end - start > maxBlockSize) {
                oversized++;
            } else if (end - start >= 2) {
                blocks.add(new int[] {start, end});
            }
            start = end;
        }
        AtomicLong comparisons = new AtomicLong();
        blocks.parallelStream().forEach(b -> {
            long local = 0;
            long h = packed[b[0]] >>> INDEX_BITS;
            for (int x = b[0]; x < b[1]; x++) {
                int i = (int) (packed[x] & INDEX_MASK);
                for (int y = x + 1; y < b[1]; y++) {
                    int j = (int) (packed[y] & INDEX_MASK);
                    // Score a pair only in the first block the two share, so each pair counts once.
                    if (i == j || firstShared(f[i].keys, f[j].keys) != h) {
                        continue;
                    }
                    local++;
                    visitor.visit(f[i], f[j]);
                }
            }
            comparisons.addAndGet(local);
        });
        return new long[] {blocks.size(), oversized, comparisons.get()};
    }

    /** The pair if it scores at least the review threshold, else {@code null}. */
    CandidatePair score(MatchFeatures a, MatchFeatures b) {
        MatchLevel[] levels = PairScorer.compare(a, b);
        double s = PairScorer.score(levels, weights);
        if (s < weights.reviewThreshold()) {
            return null;
        }
        boolean aFirst = a.key.compareTo(b.key) <= 0;
        return new CandidatePair(aFirst ? a.key : b.key, aFirst ? b.key : a.key, s,
                s >= weights.sameThreshold() ? Decision.SAME : Decision.REVIEW, PairScorer.reasons(levels, weights));
    }

    int maxBlockSize() {
        return maxBlockSize;
    }

    /** The smallest hash both sorted arrays hold, or -1. */
    static long firstShared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return a[i];
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Configures a {@link DuplicateFinder}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private MatchWeights weights = MatchWeights.defaults();
        private int maxBlockSize = 200;
        private PhoneNormalizer phones = PhoneNormalizer.forRegion("CN");

        private Builder() {}

        public Builder weights(MatchWeights value) { weights = Check.notNull(value, "weights"); return this; }

        /** Blocks larger than this (2 to 100,000) are skipped; default 200. */
        public Builder maxBlockSize(int value) { maxBlockSize = Check.range(value, 2, 100_000, "maxBlockSize"); return this; }

        /** Region for phones written without a country code; default CN. */
        public Builder phoneRegion(String region) { phones = PhoneNormalizer.forRegion(region); return this; }

        public DuplicateFinder build() {
            return new DuplicateFinder(this);
        }
    }
}
