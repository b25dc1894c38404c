package io.crmkit.core.audit;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * One field's change in an audit entry: the field's path in the stored record (for example
 * {@code owner}, {@code tags}, {@code identifiers[0].value}) and its old and new values as JSON
 * text ({@code null}: absent). Values of sensitive fields are {@link #MASKED}.
 *
 * <p><b>Sealing</b> (so an erased value can leave the trail while the hash chain still verifies):
 * a change written by this version carries a random {@code salt}, and the entry's hash covers the
 * commitments {@code SHA-256(salt, side, value)} of its values rather than the values. Erasure
 * {@link #redacted() redacts} a change: the values become {@link #ERASED}, the salt is dropped and
 * the two commitments are kept instead, so the hash is unchanged and nothing left (without the
 * salt) lets anyone test a guess of the erased value. A change without salt and commitments was
 * written before sealing and is hashed over its raw values.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the path only.
 *
 * @param path the field's path
 * @param oldValue the value before, or {@code null}
 * @param newValue the value after, or {@code null}
 * @param salt the sealing salt (base64url), or {@code null} when redacted or written before sealing
 * @param oldCommitment the commitment to the erased old value, or {@code null} unless redacted
 * @param newCommitment the commitment to the erased new value, or {@code null} unless redacted
 */
public record FieldChange(String path, @Nullable String oldValue, @Nullable String newValue, @Nullable String salt,
        @Nullable String oldCommitment, @Nullable String newCommitment) {
    /** What an erased value reads as in the trail. */
    public static final String ERASED = "[erased]";
    /** What a sensitive field's value reads as in the trail. */
    public static final String MASKED = "***";
    /** The longest value kept; longer ones are cut (the hash covers what is kept). */
    public static final int MAX_VALUE = 4_000;

    public FieldChange {
        Check.notBlank(path, "change.path", 500);
        Check.that(oldValue == null || oldValue.length() <= MAX_VALUE, "change.oldValue", "Size", "too long");
        Check.that(newValue == null || newValue.length() <= MAX_VALUE, "change.newValue", "Size", "too long");
        Check.that(salt == null || salt.length() <= 64, "change.salt", "Size", "too long");
        Check.that(oldCommitment == null || oldCommitment.length() <= 128, "change.oldCommitment", "Size", "too long");
        Check.that(newCommitment == null || newCommitment.length() <= 128, "change.newCommitment", "Size", "too long");
        Check.that(salt == null || (oldCommitment == null && newCommitment == null), "change.salt", "SealedOrRedacted",
                "a change carries either a salt or commitments, not both");
    }

    /** An unsealed change (as written before sealing, or for a test). */
    public FieldChange(String path, @Nullable String oldValue, @Nullable String newValue) {
        this(path, oldValue, newValue, null, null, null);
    }

    /** A change sealed with {@code salt}. */
    public static FieldChange sealed(String path, @Nullable String oldValue, @Nullable String newValue, String salt) {
        return new FieldChange(path, oldValue, newValue, Check.notBlank(salt, "change.salt", 64), null, null);
    }

    /** Whether this change is sealed (its hash covers commitments, so it can be redacted). */
    public boolean isSealed() {
        return salt != null || isRedacted();
    }

    /** Whether its values were erased. */
    public boolean isRedacted() {
        return oldCommitment != null || newCommitment != null;
    }

    /**
     * The change with both values erased and their commitments kept in place of the salt; the same
     * change if already redacted.
     *
     * @throws io.crmkit.core.error.ValidationException on field {@code change.salt} if the change is
     *     not sealed (it was written before sealing and cannot be redacted without breaking the chain)
     */
    public FieldChange redacted() {
        if (isRedacted()) {
            return this;
        }
        Check.that(salt != null, "change.salt", "Sealed", "only a sealed change can be redacted");
        return new FieldChange(path, oldValue == null ? null : ERASED, newValue == null ? null : ERASED, null,
                AuditTrail.commit(salt, "old", oldValue), AuditTrail.commit(salt, "new", newValue));
    }
    @Override
    public String toString() {
        return "FieldChange[path=" + path + "]";
    }
}
