package io.crmkit.core.erasure;

import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An approved erasure of one customer: scheduled (a retention hold defers it to {@code dueAt}) or
 * completed, when it is the erasure certificate — what was erased (records per aggregate type,
 * how many field values, how many audit entries redacted), when, requested by and approved by whom,
 * and the head of the customer's audit chain right after, so an auditor can check that the chain
 * still verifies from there.
 *
 * <p>Holds ids, codes, counts and times only, never personal data: it survives the erasure it
 * describes. Immutable and thread-safe.
 *
 * @param id the record's id
 * @param customerId the erased (tombstoned) customer
 * @param status scheduled or completed
 * @param requestId the approved maker-checker request
 * @param requestedBy the maker's actor id
 * @param approvedBy the checkers' actor ids, in approval order
 * @param requestedAt when the request was made
 * @param dueAt the earliest instant the erasure may run (the request's approval, or the end of a hold)
 * @param holds the retention rules that deferred it ({@code rule until date}), empty if none
 * @param completedAt when it was applied, or {@code null} while scheduled
 * @param erased records anonymised per aggregate type ({@code Customer}, {@code Contact}, ...)
 * @param fieldsErased how many stored field values were removed or replaced
 * @param auditEntriesRedacted how many audit entries had values redacted
 * @param auditHead the hash of the customer's audit chain head after the erasure, or {@code null} while scheduled
 * @param meta version and bookkeeping
 */
public record Erasure(ErasureId id, CustomerId customerId, ErasureStatus status, PendingRequestId requestId,
        String requestedBy, List<String> approvedBy, Instant requestedAt, Instant dueAt, List<String> holds,
        @Nullable Instant completedAt, Map<String, Integer> erased, long fieldsErased, long auditEntriesRedacted,
        @Nullable String auditHead, Meta meta) implements Aggregate<ErasureId, Erasure> {
    public Erasure {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.notNull(status, "status");
        Check.notNull(requestId, "requestId");
        Check.notBlank(requestedBy, "requestedBy", 64);
        approvedBy = Check.list(approvedBy, "approvedBy");
        Check.that(approvedBy.size() <= 5, "approvedBy", "Size", "must have at most 5 entries");
        Check.notNull(requestedAt, "requestedAt");
        Check.notNull(dueAt, "dueAt");
        holds = Check.list(holds, "holds");
        Check.that(holds.size() <= 100, "holds", "Size", "must have at most 100 entries");
        erased = Map.copyOf(new TreeMap<>(Check.map(erased, "erased")));
        Check.that(fieldsErased >= 0 && auditEntriesRedacted >= 0, "fieldsErased", "Min", "counts must not be negative");
        Check.that((status == ErasureStatus.COMPLETED) == (completedAt != null), "completedAt", "SetWhenCompleted",
                "must be set exactly when the erasure is completed");
        Check.notNull(meta, "meta");
    }

    /** The completed copy: the certificate. */
    public Erasure completed(Instant at, Map<String, Integer> counts, long fields, long auditEntries, @Nullable String head) {
        return new Erasure(id, customerId, ErasureStatus.COMPLETED, requestId, requestedBy, approvedBy, requestedAt, dueAt,
                holds, at, counts, fields, auditEntries, head, meta);
    }

    /** The copy deferred to {@code due} by {@code reasons}. */
    public Erasure deferredTo(Instant due, List<String> reasons) {
        return new Erasure(id, customerId, status, requestId, requestedBy, approvedBy, requestedAt, due, reasons, completedAt,
                erased, fieldsErased, auditEntriesRedacted, auditHead, meta);
    }

    @Override
    public Erasure withMeta(Meta value) {
        return new Erasure(id, customerId, status, requestId, requestedBy, approvedBy, requestedAt, dueAt, holds, completedAt,
                erased, fieldsErased, auditEntriesRedacted, auditHead, value);
    }

    @Override
    public String toString() {
        return "Erasure[id=" + id + ", customerId=" + customerId + ", status=" + status + ", version=" + meta.version() + "]";
    }
}
