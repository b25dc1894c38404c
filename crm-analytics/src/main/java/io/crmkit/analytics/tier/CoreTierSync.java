package io.crmkit.analytics.tier;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.RuleAssignment;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Connects tiering to crm-core: the ladder from the tier definitions, the previous state and the
 * manual overrides from the tier history, and the changes written back through the session's
 * {@link io.crmkit.core.TierService} so that each publishes a tier-changed event and passes the
 * CRM's interceptors and access policy.
 *
 * <pre>{@code
 * CoreTierSync sync = CoreTierSync.of(crm.as(Actor.system("nightly-tiering")), crm.store());
 * TierRun run = engine.run(frame.ids(), scores, sync.previousState(frame, ladder, below), sync.overrides(frame), progress);
 * int written = sync.write(run, frame);
 * }</pre>
 *
 * <p>The frame must carry customer keys (as frames read by
 * {@link io.crmkit.analytics.feature.StoreFeatureReader} do). The hysteresis counter is not part of
 * the core's tier history, so the host keeps it between runs (see
 * {@link #previousState(FeatureFrame, TierLadder, ToIntFunction)}). Reads are in batches of
 * {@link Batch#MAX_IDS} customers ({@code TierRepository.currentOf}); write-back is one
 * {@code assignAllByRule} call (one unit of work) per 100 changes. Thread-safe
 * if the session is.
 */
public final class CoreTierSync {

    /**
     * Tier changes per unit of work on write-back (one {@code assignAllByRule} call): a hundredth of
     * the commits and of the customer and tier reads of one call per change, while the writes a unit
     * holds stay few (a JPA store keeps them in its persistence context, and every flush inside the
     * unit checks all of them).
     */
    static final int WRITE_BATCH = 100;

    private final CrmSession session;
    private final CrmStore store;

    private CoreTierSync(CrmSession session, CrmStore store) {
        this.session = session;
        this.store = store;
    }

    public static CoreTierSync of(CrmSession session, CrmStore store) {
        return new CoreTierSync(Checks.notNull(session, "session"), Checks.notNull(store, "store"));
    }

    /** The defined tiers, best (rank 1) first. */
    public TierLadder ladder() {
        List<TierDefinition> defs = new ArrayList<>(store.tiers().definitions());
        defs.sort(Comparator.comparingInt(TierDefinition::rank));
        List<String> codes = new ArrayList<>();
        defs.forEach(d -> codes.add(d.code().value()));
        return TierLadder.of(codes);
    }

    /**
     * The state before this run: each customer's current tier from the store, whether it came
     * from a manual assignment, and the below-counter the host kept from the last run.
     *
     * @param belowPeriods the counter by customer key from the last run's
     *                     {@link TierRun#nextState()} (0 when unknown)
     */
    public TierState previousState(FeatureFrame frame, TierLadder ladder, ToIntFunction<String> belowPeriods) {
        requireKeys(frame);
        Checks.notNull(ladder, "ladder");
        Checks.notNull(belowPeriods, "belowPeriods");
        int n = frame.size();
        int[] tiers = new int[n];
        int[] below = new int[n];
        boolean[] manual = new boolean[n];
        forEachCurrent(frame, (r, current) -> {
            TierCode code = current == null ? null : current.tier();
            tiers[r] = code == null ? -1 : ladder.codes().indexOf(code.value());
            manual[r] = current != null && current.source() == AssignmentSource.MANUAL;
            below[r] = Math.max(0, Math.min(127, belowPeriods.applyAsInt(frame.customerKey(r))));
        });
        return TierState.of(tiers, below, manual);
    }

    /** Manual assignments still in force at {@code now}, as overrides keyed by the frame's row ids. */
    public List<TierOverride> overrides(FeatureFrame frame, Instant now) {
        requireKeys(frame);
        Checks.notNull(now, "now");
        List<TierOverride> out = new ArrayList<>();
        forEachCurrent(frame, (r, a) -> {
            if (a != null && a.isActiveOverride(now) && a.tier() != null) {
                Instant until = a.expiresAt() == null ? Instant.MAX : a.expiresAt();
                out.add(new TierOverride(frame.ids()[r], a.tier().value(), until, a.reason()));
            }
        });
        return out;
    }

    /** Each row's newest tier history entry ({@code null} without history), read in batches of {@link Batch#MAX_IDS}. */
    private void forEachCurrent(FeatureFrame frame, RowEntry action) {
        int n = frame.size();
        List<CustomerId> batch = new ArrayList<>(Batch.MAX_IDS);
        for (int from = 0; from < n; from += Batch.MAX_IDS) {
            int to = Math.min(n, from + Batch.MAX_IDS);
            batch.clear();
            for (int r = from; r < to; r++) {
                batch.add(CustomerId.of(frame.customerKey(r)));
            }
            Map<CustomerId, TierAssignment> current = store.tiers().currentOf(batch);
            for (int r = from; r < to; r++) {
                action.accept(r, current.get(batch.get(r - from)));
            }
        }
    }

    private interface RowEntry {
        void accept(int row, @Nullable TierAssignment current);
    }

    /**
     * Writes every rule-driven change of the run as a tier assignment by rule, with the change's
     * detail as the reason, in chunks of {@value #WRITE_BATCH} through
     * {@link io.crmkit.core.TierService#assignAllByRule}: one unit of work per chunk, each change
     * still checked, audited with its diff and reason, kept in the history and evented. Changes made
     * by overrides are already in the history and are skipped. A change a four-eyes rule on
     * rule-driven tier changes holds back becomes a pending request of its own and is not counted.
     * Must not run inside a unit of work of the caller's when such a rule is configured.
     *
     * @return the number of assignments written (the service skips unchanged tiers)
     */
    public int write(TierRun run, FeatureFrame frame) {
        Checks.notNull(run, "run");
        requireKeys(frame);
        Checks.sameLength(frame.size(), run.size(), "run");
        List<RuleAssignment> pending = new ArrayList<>(WRITE_BATCH);
        int[] written = {0};
        run.writeChanges(change -> {
            if (change.reason() == TierChangeReason.OVERRIDE) {
                return;
            }
            int row = frame.rowOf(change.customerId());
            pending.add(assignment(frame.customerKey(row), change.toTier(), change.detail()));
            if (pending.size() == WRITE_BATCH) {
                written[0] += writeBatch(pending);
            }
        });
        return written[0] + writeBatch(pending);
    }

    private int writeBatch(List<RuleAssignment> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        int written = session.tiers().assignAllByRule(pending).assigned().size();
        pending.clear();
        return written;
    }

    /** The assignment by rule for one change: "nightly tiering: " and the detail as the reason, cut to 200 characters. */
    private static RuleAssignment assignment(String customerKey, String toTier, String detail) {
        String reason = "nightly tiering: " + detail;
        if (reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
        return new RuleAssignment(CustomerId.of(customerKey), TierCode.of(toTier), reason);
    }

    /**
     * Writes one rule-driven tier change computed elsewhere (e.g. by a cluster job), exactly as
     * {@link #write(TierRun, FeatureFrame)} writes each change of a run: an assignment by rule with
     * "nightly tiering: " and the detail as the reason, cut to 200 characters.
     *
     * @param customerKey the customer's {@code CustomerId} text
     * @param toTier      the new tier code
     * @param detail      the change in words ({@link TierChange#detail()})
     * @return whether an assignment was written (the service skips an unchanged tier)
     */
    public boolean writeChange(String customerKey, String toTier, String detail) {
        Checks.notNull(customerKey, "customerKey");
        Checks.notNull(toTier, "toTier");
        Checks.notNull(detail, "detail");
        RuleAssignment a = assignment(customerKey, toTier, detail);
        return session.tiers().assignByRule(a.customerId(), a.tier(), a.reason()).isPresent();
    }

    private static void requireKeys(FeatureFrame frame) {
        Checks.notNull(frame, "frame");
        if (!frame.hasCustomerKeys()) {
            throw Checks.invalid("frame", "CustomerKeys", "must carry customer keys (read it from the store)");
        }
    }
}
