package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import java.util.Arrays;

/**
 * Derives rules from frequent itemsets. Every subset of a frequent itemset is frequent, so the
 * antecedent's and the consequent's counts are found in the itemsets' own index: no pass over the
 * baskets.
 *
 * <p>Stateless and thread-safe.
 */
final class RuleGenerator {

    /** Most antecedent/consequent splits one call may examine (every split of a long itemset). */
    static final long MAX_SPLITS = 500_000_000L;

    private RuleGenerator() {
    }

    static AssociationRules generate(FrequentItemsets sets, RuleConfig config) {
        long[] masks = sets.rawMasks();
        long[] counts = sets.rawCounts();
        boolean single = config.semantics() == RuleSemantics.SINGLE_CONSEQUENT;
        if (!single) {
            checkSplits(masks);
        }
        Rules out = new Rules(config.maxRules());
        double n = sets.baskets();
        for (int i = 0; i < masks.length; i++) {
            long z = masks[i];
            if (Long.bitCount(z) < 2) {
                continue;
            }
            if (single) {
                for (long m = z; m != 0; m &= m - 1) {
                    long c = Long.lowestOneBit(m);
                    consider(sets, z ^ c, c, counts[i], n, config, out);
                }
            } else {
                for (long a = (z - 1) & z; a != 0; a = (a - 1) & z) {
                    consider(sets, a, z ^ a, counts[i], n, config, out);
                }
            }
        }
        return out.ranked(sets, config.semantics());
    }

    private static void consider(FrequentItemsets sets, long a, long c, long nz, double n, RuleConfig config,
                                 Rules out) {
        long na = sets.countOf(a);
        double confidence = (double) nz / na;
        if (confidence < config.minConfidence()) {
            return;
        }
        long nc = sets.countOf(c);
        if (confidence / (nc / n) < config.minLift()) {
            return;
        }
        out.add(a, c, nz, na, nc);
    }

    private static void checkSplits(long[] masks) {
        long splits = 0;
        for (long z : masks) {
            int k = Long.bitCount(z);
            splits += k >= 40 ? MAX_SPLITS + 1 : (1L << k) - 2;
            if (splits > MAX_SPLITS) {
                throw Checks.invalid("basket.semantics", "TooManySplits", "ALL_SPLITS would examine more than "
                        + MAX_SPLITS + " splits: use SINGLE_CONSEQUENT or mine with a lower maxLength");
            }
        }
    }

    /** Growable parallel arrays of rules, then ranked. */
    private static final class Rules {
        private final int max;
        private long[] a = new long[256];
        private long[] c = new long[256];
        private long[] nz = new long[256];
        private long[] na = new long[256];
        private long[] nc = new long[256];
        private int size;

        Rules(int max) {
            this.max = max;
        }

        void add(long ante, long cons, long both, long anteCount, long consCount) {
            if (size == max) {
                throw Checks.invalid("basket.maxRules", "TooManyRules", "more than " + max
                        + " rules qualify: raise minConfidence, minLift or the minimum support, or raise maxRules");
            }
            if (size == a.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, size * 2L);
                a = Arrays.copyOf(a, cap);
                c = Arrays.copyOf(c, cap);
                nz = Arrays.copyOf(nz, cap);
                na = Arrays.copyOf(na, cap);
                nc = Arrays.copyOf(nc, cap);
            }
            a[size] = ante;
            c[size] = cons;
            nz[size] = both;
            na[size] = anteCount;
            nc[size++] = consCount;
        }

        AssociationRules ranked(FrequentItemsets sets, RuleSemantics semantics) {
            double n = sets.baskets();
            double[] conf = new double[size];
            double[] lift = new double[size];
            Integer[] idx = new Integer[size];
            for (int i = 0; i < size; i++) {
                conf[i] = (double) nz[i] / na[i];
                lift[i] = conf[i] / (nc[i] / n);
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> {
                int r = Double.compare(conf[y], conf[x]);
                if (r == 0) {
                    r = Double.compare(lift[y], lift[x]);
                }
                if (r == 0) {
                    r = Long.compare(nz[y], nz[x]);
                }
                if (r == 0) {
                    r = FrequentItemsets.compareMasks(a[x], a[y]);
                }
                return r != 0 ? r : FrequentItemsets.compareMasks(c[x], c[y]);
            });
            long[][] cols = new long[5][size];
            for (int i = 0; i < size; i++) {
                int j = idx[i];
                cols[0][i] = a[j];
                cols[1][i] = c[j];
                cols[2][i] = nz[j];
                cols[3][i] = na[j];
                cols[4][i] = nc[j];
            }
            return new AssociationRules(sets.items(), sets.baskets(), semantics, cols[0], cols[1], cols[2], cols[3],
                    cols[4]);
        }
    }
}
