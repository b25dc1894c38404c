package io.crmkit.core.internal;

import io.crmkit.core.customer.CustomerId;

/**
 * The seeded holdout draw: a member is held out when a hash of the seed and the customer id, read
 * as a uniform number in [0, 1), falls below the holdout share. Depends on nothing but the seed and
 * the id, so the same campaign draws the same split on every store, in any audience order. Stateless.
 */
final class Holdout {
    private Holdout() {}

    static boolean drawn(long seed, CustomerId customer, int percent) {
        if (percent == 0) {
            return false;
        }
        return uniform(seed, customer.value()) < percent / 100.0;
    }

    static double uniform(long seed, String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the id text, then SplitMix64's finaliser with the seed
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = h ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
