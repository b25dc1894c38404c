package io.crmkit.jpa.crypto;

import io.crmkit.core.check.Check;

/**
 * Turns field encryption on for a JPA store: the keys and which fields they protect. Pass it to
 * {@link io.crmkit.jpa.JpaStoreConfig.Builder#fieldEncryption(FieldEncryption)}.
 *
 * <pre>{@code
 * KeyProvider keys = LocalKeyring.parse(secretStore.read("crm-keyring"));  // or the host's KMS-backed provider
 * JpaCrmStore store = JpaCrmStore.create(dataSource, JpaStoreConfig.custom()
 *         .fieldEncryption(FieldEncryption.of(keys))                       // SensitiveFields.defaults()
 *         .build());
 * }</pre>
 *
 * <p>Every marked value is stored as {@code enc:1:<key id>:<base64url(nonce | AES-256-GCM ciphertext | tag)>}
 * with the associated data {@code crmkit/1|<record type>|<record id>|<field path>}, so a value
 * copied into another field, record or record type fails to decrypt. Searchable fields get a
 * blind index {@code bi:<key id>:<base64url(HMAC-SHA-256)>} of the normalised value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param keys where the keys come from
 * @param fields which fields are encrypted
 */
public record FieldEncryption(KeyProvider keys, SensitiveFields fields) {
    public FieldEncryption {
        Check.notNull(keys, "keys");
        Check.notNull(fields, "fields");
    }

    /** Encryption of {@link SensitiveFields#defaults()} with {@code keys}. */
    public static FieldEncryption of(KeyProvider keys) {
        return new FieldEncryption(keys, SensitiveFields.defaults());
    }

    public static FieldEncryption of(KeyProvider keys, SensitiveFields fields) {
        return new FieldEncryption(keys, fields);
    }

    @Override
    public String toString() {
        return "FieldEncryption[primary=" + keys.primaryKeyId() + ", " + fields + "]";
    }
}
