package io.crmkit.analytics.basket;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random basket data with correlated items, as product holdings tend to be. */
final class RandomBaskets {

    private RandomBaskets() {
    }

    static List<String> names(int items) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            names.add("P" + i);
        }
        return names;
    }

    /**
     * {@code n} baskets over {@code items} items: item i is held with a probability falling with i,
     * and a few "bundles" of items are held together, so itemsets of 3 to 6 items are frequent.
     */
    static long[] masks(long seed, int n, int items) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] bundles = new long[Math.max(1, items / 4)];
        for (int b = 0; b < bundles.length; b++) {
            for (int k = 0; k < 3 + rnd.nextInt(3); k++) {
                bundles[b] |= 1L << rnd.nextInt(items);
            }
        }
        long[] masks = new long[n];
        for (int t = 0; t < n; t++) {
            long m = 0;
            for (int i = 0; i < items; i++) {
                if (rnd.nextDouble() < 0.35 / (1 + i * 0.15)) {
                    m |= 1L << i;
                }
            }
            for (long bundle : bundles) {
                if (rnd.nextDouble() < 0.12) {
                    m |= bundle & ~(1L << rnd.nextInt(items));
                }
            }
            masks[t] = m;
        }
        return masks;
    }
}
