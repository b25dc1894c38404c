package io.crmkit.core.audit;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One audited mutation: who ({@code actorId}, on behalf of {@code onBehalfOf}), when, which typed
 * operation, on which aggregate, the per-field diff, the reason, the correlation id of the unit of
 * work, and the maker and checker when the change went through four-eyes approval.
 *
 * <p>Entries form one hash chain per aggregate ({@code streamType}/{@code streamId}, numbered by
 * {@code seq} from 1): {@code hash} covers every other field and the previous entry's hash, so
 * {@link AuditTrail#verify} detects an entry changed, removed or inserted behind the library's back.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids and codes only.
 *
 * @param id the entry's id
 * @param streamType the aggregate type the chain belongs to, for example {@code Customer}
 * @param streamId the aggregate id
 * @param seq the entry's position in its chain, from 1
 * @param customerId the customer concerned, or {@code null}
 * @param at when the change was made
 * @param actorId who made it
 * @param onBehalfOf for whom, or {@code null}
 * @param operation the operation code, for example {@code customer.update}
 * @param action what happened to the aggregate: {@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code APPEND}
 * @param changes the field diff (sensitive values masked)
 * @param reason the reason given, or {@code null}
 * @param correlationId the unit of work's id: every entry of one transaction shares it
 * @param maker who asked for an approved change, or {@code null}
 * @param checker who approved it, or {@code null}
 * @param prevHash the previous entry's hash in the chain ({@code ""} for the first)
 * @param hash this entry's hash
 * @param salt the salt sealing {@code reason} (see {@link FieldChange}), or {@code null} when redacted
 *     or written before sealing
 * @param reasonCommitment the commitment to the erased reason, or {@code null} unless redacted
 */
public record AuditEntry(String id, String streamType, String streamId, long seq, @Nullable CustomerId customerId,
        Instant at, String actorId, @Nullable String onBehalfOf, String operation, String action,
        List<FieldChange> changes, @Nullable String reason, String correlationId, @Nullable String maker,
        @Nullable String checker, String prevHash, String hash, @Nullable String salt, @Nullable String reasonCommitment) {
    public AuditEntry {
        Check.notBlank(id, "audit.id", 64);
        Check.notBlank(streamType, "audit.streamType", 64);
        Check.notBlank(streamId, "audit.streamId", 200);
        Check.that(seq >= 1, "audit.seq", "Min", "must be at least 1");
        Check.notNull(at, "audit.at");
        Check.notBlank(actorId, "audit.actorId", 64);
        Check.notBlank(operation, "audit.operation", 100);
        Check.notBlank(action, "audit.action", 16);
        changes = Check.list(changes, "audit.changes");
        Check.notBlank(correlationId, "audit.correlationId", 64);
        Check.notNull(prevHash, "audit.prevHash");
        Check.notBlank(hash, "audit.hash", 128);
        Check.that(salt == null || salt.length() <= 64, "audit.salt", "Size", "too long");
        Check.that(reasonCommitment == null || reasonCommitment.length() <= 128, "audit.reasonCommitment", "Size", "too long");
        Check.that(salt == null || reasonCommitment == null, "audit.salt", "SealedOrRedacted",
                "an entry carries either a salt or a reason commitment, not both");
    }

    /** Whether the entry is sealed: its hash covers commitments, so its values can be redacted. */
    public boolean isSealed() {
        return salt != null || reasonCommitment != null;
    }

    /** The same entry with {@code changes} in place of its changes (for redaction; the hash is kept). */
    public AuditEntry withChanges(List<FieldChange> value) {
        return new AuditEntry(id, streamType, streamId, seq, customerId, at, actorId, onBehalfOf, operation, action, value,
                reason, correlationId, maker, checker, prevHash, hash, salt, reasonCommitment);
    }

    /** The same entry with {@code value} as its hash. */
    public AuditEntry withHash(String value) {
        return new AuditEntry(id, streamType, streamId, seq, customerId, at, actorId, onBehalfOf, operation, action, changes,
                reason, correlationId, maker, checker, prevHash, value, salt, reasonCommitment);
    }

    /**
     * The entry with every change whose path {@code keep} rejects redacted (see
     * {@link FieldChange#redacted()}) and its reason erased; ids, times, actors, operation and hash
     * stay, so the chain still verifies. An entry written before sealing comes back unchanged.
     */
    public AuditEntry redacted(java.util.function.Predicate<String> keep) {
        if (!isSealed()) {
            return this;
        }
        List<FieldChange> next = new java.util.ArrayList<>(changes.size());
        for (FieldChange c : changes) {
            next.add(!c.isSealed() || keep.test(c.path()) ? c : c.redacted());
        }
        String commitment = reasonCommitment != null ? reasonCommitment : AuditTrail.commit(salt, "reason", reason);
        return new AuditEntry(id, streamType, streamId, seq, customerId, at, actorId, onBehalfOf, operation, action, next,
                reason == null ? null : FieldChange.ERASED, correlationId, maker, checker, prevHash, hash, null, commitment);
    }
    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", " + streamType + "/" + streamId + "#" + seq + ", operation=" + operation
                + ", actor=" + actorId + ", changes=" + changes.size() + "]";
    }
}
