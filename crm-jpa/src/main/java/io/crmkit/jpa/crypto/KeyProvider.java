package io.crmkit.jpa.crypto;

import java.util.Set;

/**
 * Where the field-encryption keys come from: the host plugs in its KMS or HSM here. The store asks
 * for the primary key id on every write and for a key by id on every read, so implementations
 * should answer from memory (unwrap data keys once with the KMS, then cache them); a rotation is
 * a change of {@link #primaryKeyId()} seen by the next write.
 *
 * <p>Contract: {@link #primaryKeyId()} is one of {@link #keyIds()}; {@link #key(String)} returns
 * the key of every id in {@link #keyIds()}; ids are never reused for different key material (a
 * ciphertext names its key by id). A key may leave {@link #keyIds()} only after
 * {@link KeyRotation} reports no row under it: values under a removed key can no longer be read.
 *
 * <p>Implementations must be thread-safe.
 */
public interface KeyProvider {
    /** The id of the key every new ciphertext and blind index is made with. */
    String primaryKeyId();

    /** Every key id that may still be found in stored rows, the primary included. */
    Set<String> keyIds();

    /**
     * The key with this id.
     *
     * @throws io.crmkit.core.error.StoreException if no such key is known (the message names the id only)
     */
    DataKey key(String keyId);
}
