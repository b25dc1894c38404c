package io.crmkit.core.merge;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.tier.TierAssignment;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a merge did, kept so it can be undone exactly: both customers as they were just before, the
 * rules used, the move log of every child record it re-pointed, the relationships between the two it
 * removed, the tier history entries it moved, and the survivor's consent records and do-not-contact
 * flags as they were before the merge made them more restrictive. While {@link MergeStatus#MERGED}, reads of the
 * duplicate's id resolve to the survivor.
 *
 * <p>Immutable and thread-safe. Holds personal data (the two customers): {@link #toString()} prints
 * ids and counts only.
 *
 * @param id the merge's id
 * @param survivor the customer that stays
 * @param duplicate the customer merged into it, now a tombstone
 * @param status merged or undone
 * @param survivorship the rules the merge applied
 * @param survivorBefore the survivor as it was before the merge
 * @param duplicateBefore the duplicate as it was before the merge
 * @param survivorVersionAfter the survivor's version the merge saved (an unmerge refuses a survivor changed since)
 * @param moves the move log, in the order applied
 * @param removedRelationships relationships between the two customers, removed by the merge
 * @param movedHistory the duplicate's tier history entries, as they were, moved to the survivor
 * @param consentsBefore the survivor's consent records the merge made more restrictive, as they were
 *     (empty in records stored before merges moved consents)
 * @param doNotContactBefore the survivor's do-not-contact flags as they were, when the merge widened
 *     them; {@code null} when it left them alone or created them
 * @param mergedAt when
 * @param mergedBy the actor id
 * @param undoableUntil the end of the retention window for an unmerge
 * @param undoneAt when it was undone, if it was
 * @param meta version and bookkeeping
 */
public record MergeRecord(MergeId id, CustomerId survivor, CustomerId duplicate, MergeStatus status,
        Survivorship survivorship, Customer survivorBefore, Customer duplicateBefore, long survivorVersionAfter,
        List<ChildMove> moves, List<Relationship> removedRelationships, List<TierAssignment> movedHistory,
        List<ConsentRecord> consentsBefore, @Nullable DoNotContact doNotContactBefore, Instant mergedAt, String mergedBy, Instant undoableUntil, @Nullable Instant undoneAt, Meta meta)
        implements Aggregate<MergeId, MergeRecord> {
    /** Most child records one merge may move (a bound on the record's size). */
    public static final int MAX_MOVES = 100_000;

    public MergeRecord {
        Check.notNull(id, "id");
        Check.notNull(survivor, "survivor");
        Check.notNull(duplicate, "duplicate");
        Check.that(!survivor.equals(duplicate), "duplicate", "NotSurvivor", "must be another customer than the survivor");
        Check.notNull(status, "status");
        Check.notNull(survivorship, "survivorship");
        Check.notNull(survivorBefore, "survivorBefore");
        Check.notNull(duplicateBefore, "duplicateBefore");
        moves = List.copyOf(Check.list(moves, "moves"));
        Check.that(moves.size() <= MAX_MOVES, "moves", "Size", "must have at most " + MAX_MOVES + " entries");
        removedRelationships = List.copyOf(Check.list(removedRelationships, "removedRelationships"));
        movedHistory = List.copyOf(Check.list(movedHistory, "movedHistory"));
        // a record stored before merges moved consents has no such list: it restricted nothing
        consentsBefore = consentsBefore == null ? List.of() : List.copyOf(Check.list(consentsBefore, "consentsBefore"));
        Check.notNull(mergedAt, "mergedAt");
        Check.notBlank(mergedBy, "mergedBy", 64);
        Check.notNull(undoableUntil, "undoableUntil");
        Check.that(status != MergeStatus.UNDONE || undoneAt != null, "undoneAt", "RequiredWhenUndone",
                "must be set when the merge is undone");
        Check.notNull(meta, "meta");
    }

    /** A record of a merge that made no consent or do-not-contact flag more restrictive. */
    public MergeRecord(MergeId id, CustomerId survivor, CustomerId duplicate, MergeStatus status, Survivorship survivorship,
            Customer survivorBefore, Customer duplicateBefore, long survivorVersionAfter, List<ChildMove> moves,
            List<Relationship> removedRelationships, List<TierAssignment> movedHistory, Instant mergedAt, String mergedBy,
            Instant undoableUntil, @Nullable Instant undoneAt, Meta meta) {
        this(id, survivor, duplicate, status, survivorship, survivorBefore, duplicateBefore, survivorVersionAfter, moves,
                removedRelationships, movedHistory, List.of(), null, mergedAt, mergedBy, undoableUntil, undoneAt, meta);
    }

    /** The same record, undone at {@code at}. */
    public MergeRecord undone(Instant at) {
        return new MergeRecord(id, survivor, duplicate, MergeStatus.UNDONE, survivorship, survivorBefore, duplicateBefore,
                survivorVersionAfter, moves, removedRelationships, movedHistory, consentsBefore, doNotContactBefore, mergedAt,
                mergedBy, undoableUntil, at, meta);
    }

    /** The same record with its two customer snapshots replaced (masking). */
    public MergeRecord withSnapshots(Customer survivorSnapshot, Customer duplicateSnapshot) {
        return new MergeRecord(id, survivor, duplicate, status, survivorship, survivorSnapshot, duplicateSnapshot,
                survivorVersionAfter, moves, removedRelationships, movedHistory, consentsBefore, doNotContactBefore, mergedAt,
                mergedBy, undoableUntil, undoneAt, meta);
    }

    @Override
    public MergeRecord withMeta(Meta value) {
        return new MergeRecord(id, survivor, duplicate, status, survivorship, survivorBefore, duplicateBefore,
                survivorVersionAfter, moves, removedRelationships, movedHistory, consentsBefore, doNotContactBefore, mergedAt,
                mergedBy, undoableUntil, undoneAt, value);
    }

    @Override
    public String toString() {
        return "MergeRecord[" + id + ", survivor=" + survivor + ", duplicate=" + duplicate + ", " + status + ", moves="
                + moves.size() + ", version=" + meta.version() + "]";
    }
}
