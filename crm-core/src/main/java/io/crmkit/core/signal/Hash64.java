package io.crmkit.core.signal;

/**
 * A stable 64-bit hash of text (FNV-1a over the UTF-16 units, then a murmur finaliser), the same in
 * every JVM, so checkpoints and derived alert ids survive restarts. Stateless and thread-safe.
 */
final class Hash64 {
    private Hash64() {}

    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long of(String a, String b) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < a.length(); i++) {
            h ^= a.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= '|';
        h *= 0x100000001b3L;
        for (int i = 0; i < b.length(); i++) {
            h ^= b.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
