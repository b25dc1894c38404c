package io.crmkit.jpa.crypto;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;

/**
 * One generation of field-encryption key material under one key id: an AES-256 key for the
 * AES-GCM ciphertexts and a separate HMAC-SHA-256 key for the blind indexes of searchable fields.
 * The id is written into every ciphertext and blind index made with it, so a read finds the key
 * that wrote a value and a rotation finds the values still under an old key.
 *
 * <p>The keys are JCA {@link SecretKey}s: raw bytes for the local keyring, or handles of an HSM's
 * JCA provider (PKCS#11), whose keys never leave the device; the store only calls
 * {@code Cipher.init} and {@code Mac.init} with them.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the id only.
 */
public final class DataKey {
    /** The shape of a key id: 1 to 32 letters, digits, '.', '_' or '-' (no ':', the ciphertext separator). */
    public static final String KEY_ID = "[A-Za-z0-9._-]{1,32}";
    /** Length of the raw AES and HMAC keys, in bytes. */
    public static final int KEY_BYTES = 32;

    private final String id;
    private final SecretKey aeadKey;
    private final SecretKey indexKey;

    private DataKey(String id, SecretKey aeadKey, SecretKey indexKey) {
        this.id = checkId(id);
        this.aeadKey = Check.notNull(aeadKey, "aeadKey");
        this.indexKey = Check.notNull(indexKey, "indexKey");
        if (!"AES".equalsIgnoreCase(aeadKey.getAlgorithm())) {
            throw ValidationException.of("aeadKey", "Algorithm", "must be an AES key");
        }
    }

    /** A key from JCA keys (for example an HSM's non-extractable keys). */
    public static DataKey of(String id, SecretKey aeadKey, SecretKey indexKey) {
        return new DataKey(id, aeadKey, indexKey);
    }

    /** A key from raw bytes: {@value #KEY_BYTES} bytes each, copied. */
    public static DataKey ofBytes(String id, byte[] aeadKey, byte[] indexKey) {
        Check.notNull(aeadKey, "aeadKey");
        Check.notNull(indexKey, "indexKey");
        if (aeadKey.length != KEY_BYTES) {
            throw ValidationException.of("aeadKey", "Size", "must be " + KEY_BYTES + " bytes (AES-256)");
        }
        if (indexKey.length != KEY_BYTES) {
            throw ValidationException.of("indexKey", "Size", "must be " + KEY_BYTES + " bytes");
        }
        return new DataKey(id, new SecretKeySpec(Arrays.copyOf(aeadKey, KEY_BYTES), "AES"),
                new SecretKeySpec(Arrays.copyOf(indexKey, KEY_BYTES), "HmacSHA256"));
    }

    static String checkId(String id) {
        Check.notNull(id, "keyId");
        if (!id.matches(KEY_ID)) {
            throw ValidationException.of("keyId", "KeyId", "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    public String id() {
        return id;
    }

    /** The AES-256 key of the AES-GCM ciphertexts. */
    public SecretKey aeadKey() {
        return aeadKey;
    }

    /** The HMAC-SHA-256 key of the blind indexes. */
    public SecretKey indexKey() {
        return indexKey;
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + "]";
    }
}
