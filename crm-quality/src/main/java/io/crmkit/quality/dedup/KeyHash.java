package io.crmkit.quality.dedup;

/**
 * The 40-bit hash of a blocking key: 64-bit FNV-1a over the key's UTF-8 bytes, folded to 40 bits.
 * A key is a one-letter kind followed by one or two values joined by {@code '|'}; it is hashed as
 * it would be written, character by character, so no key string is built. The bytes are those of
 * {@code String.getBytes(UTF_8)} of the written key, an unpaired surrogate included (it becomes
 * {@code '?'}), so the hash is {@link #of(String)} of the written key.
 *
 * <p>Stateless and thread-safe.
 */
final class KeyHash {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private KeyHash() {}

    /** The hash of {@code kind + value}. */
    static long of(char kind, String value) {
        return fold(add(byteOf(OFFSET, kind), value));
    }

    /** The hash of {@code kind + first + "|" + second}. */
    static long of(char kind, String first, String second) {
        return fold(add(byteOf(add(byteOf(OFFSET, kind), first), '|'), second));
    }

    /** The hash of a written key. */
    static long of(String key) {
        return fold(add(OFFSET, key));
    }

    private static long add(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                h = byteOf(h, c);
            } else if (c < 0x800) {
                h = byteOf(byteOf(h, 0xc0 | c >> 6), 0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                h = byteOf(byteOf(byteOf(byteOf(h, 0xf0 | cp >> 18), 0x80 | cp >> 12 & 0x3f), 0x80 | cp >> 6 & 0x3f), 0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                h = byteOf(h, '?');
            } else {
                h = byteOf(byteOf(byteOf(h, 0xe0 | c >> 12), 0x80 | c >> 6 & 0x3f), 0x80 | c & 0x3f);
            }
        }
        return h;
    }

    private static long byteOf(long h, int b) {
        return (h ^ (b & 0xff)) * PRIME;
    }

    private static long fold(long h) {
        return (h ^ (h >>> 40)) & ((1L << 40) - 1);
    }
}
