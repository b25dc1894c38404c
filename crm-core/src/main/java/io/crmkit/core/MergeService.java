package io.crmkit.core;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.merge.MergeField;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergePreview;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.Survivorship;
import java.util.List;
import java.util.Optional;

/**
 * Merges a duplicate customer into a survivor and undoes it. Both customers must be visible to the
 * actor (hidden and absent look the same) and reachable by {@code CUSTOMER_MERGE}; the merge is one
 * write through the pipeline (audited, events, maker-checker when a rule such as
 * {@link io.crmkit.core.approval.ApprovalRule#always} on {@code CUSTOMER_MERGE} is configured).
 *
 * <p>A merge: sets every {@link MergeField} of the survivor by the {@link Survivorship} rules; adds
 * the duplicate's identifiers (those whose type and issuer the survivor lacks), contact points and
 * tags; re-points every child record of the duplicate — contacts, relationships (one between the two
 * is removed), linked accounts, interactions, opportunities, tasks, alerts, tier history and pending
 * requests — to the survivor; closes the duplicate as a tombstone (tag {@value #TOMBSTONE_TAG},
 * lifecycle CLOSED) whose id, and remaining identifiers, resolve to the survivor in
 * {@code customers().find/get/findByIdentifier}; and keeps a {@link MergeRecord}.
 *
 * <p>An unmerge, within {@link #RETENTION_DAYS} days, restores both customers as they were and moves
 * back exactly the children the merge moved (children added to the survivor since stay); it is
 * refused with {@link io.crmkit.core.error.ConflictException} when the survivor was changed since the
 * merge or a moved child no longer points at the survivor.
 *
 * <p>Thread-safe.
 */
public interface MergeService {
    /** The tag a merged-away customer carries. */
    String TOMBSTONE_TAG = "crm.merged";

    /** Days after a merge in which it can be undone. */
    int RETENTION_DAYS = 365;

    /**
     * What {@link #merge} would do, without writing.
     *
     * @throws io.crmkit.core.error.NotFoundException if a customer is absent, hidden or already merged away
     * @throws io.crmkit.core.error.ValidationException if the merge is not possible (same customer, shared host account, too many items)
     */
    MergePreview preview(CustomerId survivor, CustomerId duplicate, Survivorship rules);

    /**
     * Merges {@code duplicate} into {@code survivor}.
     *
     * @throws io.crmkit.core.error.NotFoundException if a customer is absent, hidden or already merged away
     * @throws io.crmkit.core.error.AccessDeniedException if the actor may not merge them
     * @throws io.crmkit.core.error.ValidationException if the merge is not possible
     * @throws io.crmkit.core.approval.ApprovalRequiredException if a four-eyes rule holds it for approval
     */
    MergeRecord merge(CustomerId survivor, CustomerId duplicate, Survivorship rules);

    /**
     * Undoes a merge.
     *
     * @throws io.crmkit.core.error.NotFoundException if absent or its customers are not visible
     * @throws io.crmkit.core.error.ValidationException if already undone or past the retention window
     * @throws io.crmkit.core.error.ConflictException if the survivor or a moved child changed since
     */
    MergeRecord unmerge(MergeId id);

    /** The merge, if its survivor is visible. */
    Optional<MergeRecord> find(MergeId id);

    /** The merges in which the customer took part (as survivor or duplicate), oldest first. */
    List<MergeRecord> mergesOf(CustomerId customer);

    /** The customer a merged id resolves to: itself when it was never merged away. */
    CustomerId resolve(CustomerId id);
}
