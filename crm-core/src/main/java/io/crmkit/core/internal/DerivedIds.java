package io.crmkit.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived from a record's natural key (SHA-256 of the parts, 160 bits in hex), so that doing the
 * same thing twice finds the first record: subscribing again, re-running a push. Stateless.
 */
final class DerivedIds {
    private DerivedIds() {}

    static String of(String prefix, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return prefix + HexFormat.of().formatHex(md.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
