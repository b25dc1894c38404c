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
 * is removed), linked accounts, interactions, opportunities, tasks, alerts, tier history, pending
 * requests, service cases, the contact log, campaign memberships with their opens and clicks, and
 * subscriptions (re-keyed to the survivor) — to the survivor; keeps the most restrictive consent per
 * contact point kind and purpose and the union of the do-not-contact flags on the survivor; closes
 * the duplicate as a tombstone (tag {@value #TOMBSTONE_TAG}, lifecycle CLOSED) whose id, and
 * remaining identifiers, resolve to the survivor in {@code customers().find/get/findByIdentifier};
 * and keeps a {@link MergeRecord}. What the survivor already holds (a consent at least as strict, a
 * membership of the same campaign, a subscription to the same topic and channel), audit entries,
 * erasure records and deliveries stay with the tombstone; a merge waits while either customer has an
 * erasure scheduled. {@code crm-core/README-merge.md} lists every kind and why.
 *
 * <p>An unmerge, within {@link #RETENTION_DAYS} days, restores both customers as they were and moves
 * back exactly the children the merge moved, with changes made to them since (children added to the
 * survivor since stay), and gives the survivor's consent records and flags the merge made stricter
 * their earlier state back; it is refused with {@link io.crmkit.core.error.ConflictException}, nothing
 * undone, when the survivor was changed since the merge, a moved child no longer points at the
 * survivor, or a consent record or flags the merge rewrote were changed since.
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
     * @throws io.crmkit.core.error.ValidationException if the merge is not possible (same customer, shared
     *     host account, too many items, an erasure scheduled for either customer)
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
