package io.crmkit.benchmarks.basket;

import java.util.SplittableRandom;

/**
 * Seeded product holdings that look like a bank's or a broker's book: each of the products is
 * held independently with a popularity falling along the catalogue (the first few by a third to
 * a half of customers, the tail by 1-2%), and a few bundles (deposit + card + fund, ...) are taken
 * together by some customers, so itemsets of four to seven products are frequent.
 */
final class SyntheticBaskets {

    private SyntheticBaskets() {
    }

    static long[] masks(int customers, int products, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] popularity = new double[products];
        for (int i = 0; i < products; i++) {
            popularity[i] = 0.45 / (1 + 0.3 * i);
        }
        long[] bundles = new long[8];
        for (int b = 0; b < bundles.length; b++) {
            int size = 3 + rnd.nextInt(4);
            while (Long.bitCount(bundles[b]) < size) {
                bundles[b] |= 1L << rnd.nextInt(products);
            }
        }
        long[] masks = new long[customers];
        for (int t = 0; t < customers; t++) {
            long m = 0;
            for (int i = 0; i < products; i++) {
                if (rnd.nextDouble() < popularity[i]) {
                    m |= 1L << i;
                }
            }
            for (long bundle : bundles) {
                if (rnd.nextDouble() < 0.06) {
                    m |= bundle;
                }
            }
            masks[t] = m;
        }
        return masks;
    }

    /** The same baskets as item-number arrays, as Smile takes them. */
    static int[][] arrays(long[] masks) {
        int[][] out = new int[masks.length][];
        for (int t = 0; t < masks.length; t++) {
            out[t] = new int[Long.bitCount(masks[t])];
            int k = 0;
            for (long m = masks[t]; m != 0; m &= m - 1) {
                out[t][k++] = Long.numberOfTrailingZeros(m);
            }
        }
        return out;
    }
}
