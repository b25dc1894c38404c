package io.crmkit.jpa.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import io.crmkit.core.error.StoreException;
import io.crmkit.jpa.crypto.DataKey;
import io.crmkit.jpa.crypto.KeyProvider;

/**
 * The primitives of field encryption, from the JDK's JCA: AES-256-GCM with a random 96-bit nonce
 * per value and associated data, and HMAC-SHA-256 blind indexes. Text forms:
 * {@code enc:1:<key id>:<base64url(nonce | ciphertext | tag)>} and {@code bi:<key id>:<base64url(mac)>}.
 * Failure messages name the key id at most, never a value.
 *
 * <p>Thread-safe: ciphers and MACs are per thread.
 */
final class FieldCipher {
    static final String PREFIX = "enc:1:";
    static final String INDEX_PREFIX = "bi:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(FieldCipher::mac);

    private final KeyProvider keys;

    FieldCipher(KeyProvider keys) {
        this.keys = keys;
    }

    KeyProvider keys() {
        return keys;
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new StoreException("the JVM offers no " + transformation, false);
        }
    }

    private static Mac mac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new StoreException("the JVM offers no HmacSHA256", false);
        }
    }

    /** Encrypts {@code plaintext} under the primary key, bound to {@code aad}. */
    String encrypt(String plaintext, String aad) {
        String keyId = keys.primaryKeyId();
        DataKey key = keys.key(keyId);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key.aeadKey(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[NONCE + c.getOutputSize(in.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            c.doFinal(in, 0, in.length, out, NONCE);
            return PREFIX + keyId + ":" + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt a field with key " + keyId, false);
        }
    }

    static boolean isCiphertext(String text) {
        return text.startsWith(PREFIX);
    }

    /** The key id of a ciphertext. */
    static String keyIdOf(String ciphertext) {
        int end = ciphertext.indexOf(':', PREFIX.length());
        if (end < 0) {
            throw new StoreException("stored field ciphertext is malformed", false);
        }
        return ciphertext.substring(PREFIX.length(), end);
    }

    /** Decrypts a ciphertext {@link #encrypt} made with the same {@code aad}. */
    String decrypt(String ciphertext, String aad) {
        String keyId = keyIdOf(ciphertext);
        DataKey key = keys.key(keyId);
        byte[] in;
        try {
            in = B64D.decode(ciphertext.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored field ciphertext is malformed", false);
        }
        if (in.length < NONCE + TAG_BITS / 8) {
            throw new StoreException("stored field ciphertext is malformed", false);
        }
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key.aeadKey(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] out = c.doFinal(in, NONCE, in.length - NONCE);
            return new String(out, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a wrong key, a changed ciphertext, or a value moved to another record or field
            throw new StoreException("a stored field does not decrypt with key " + keyId
                    + " (tampered, moved, or another key under this id)", false);
        }
    }

    /** The blind index of {@code normalised} under the primary key. */
    String index(String normalised) {
        return index(keys.primaryKeyId(), normalised);
    }

    /** The blind index of {@code normalised} under every known key, the primary's first (for lookups during a rotation). */
    List<String> indexes(String normalised) {
        String primary = keys.primaryKeyId();
        List<String> out = new ArrayList<>();
        out.add(index(primary, normalised));
        for (String id : keys.keyIds()) {
            if (!id.equals(primary)) {
                out.add(index(id, normalised));
            }
        }
        return out;
    }

    private String index(String keyId, String normalised) {
        DataKey key = keys.key(keyId);
        try {
            Mac m = MAC.get();
            m.init(key.indexKey());
            byte[] mac = m.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
            return INDEX_PREFIX + keyId + ":" + B64.encodeToString(mac);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot compute a blind index with key " + keyId, false);
        }
    }

    /** Whether a stored blind index was made with the primary key. */
    boolean isPrimaryIndex(String stored) {
        return stored.startsWith(INDEX_PREFIX + keys.primaryKeyId() + ":");
    }

    /** The input of a blind index: parts joined by NUL, which no part may contain. */
    static String normalised(String... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('\u0000');
            }
            b.append(parts[i]);
        }
        return b.toString();
    }
}
