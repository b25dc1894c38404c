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
 */
public record AuditEntry(String id, String streamType, String streamId, long seq, @Nullable CustomerId customerId,
        Instant at, String actorId, @Nullable String onBehalfOf, String operation, String action,
        List<FieldChange> changes, @Nullable String reason, String correlationId, @Nullable String maker,
        @Nullable String checker, String prevHash, String hash) {
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
    }

    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", " + streamType + "/" + streamId + "#" + seq + ", operation=" + operation
                + ", actor=" + actorId + ", changes=" + changes.size() + "]";
    }
}
