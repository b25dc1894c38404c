package io.crmkit.core.internal;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ULID generation: 48 bits of milliseconds then 80 random bits, in Crockford base 32. Ids made in
 * the same millisecond are not ordered among themselves; nothing relies on that.
 */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long SEED_MIX = new SecureRandom().nextLong();

    private Ulid() {}

    /** A new ULID for the current time. */
    public static String next() {
        return next(System.currentTimeMillis());
    }

    static String next(long millis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = random.nextLong() ^ SEED_MIX;
        long lo = random.nextLong();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits: 16 from hi, 64 from lo, 5 bits per character.
        for (int i = 25; i >= 13; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        long rest = (lo & 0xF) | ((hi & 0xFFFF) << 4);
        for (int i = 12; i >= 10; i--) {
            out[i] = ALPHABET[(int) (rest & 31)];
            rest >>>= 5;
        }
        return new String(out);
    }
}
