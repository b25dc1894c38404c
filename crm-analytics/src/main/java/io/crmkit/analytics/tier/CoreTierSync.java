package io.crmkit.analytics.tier;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

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
 * {@link #previousState(FeatureFrame, TierLadder, ToIntFunction)}). Thread-safe if the session is.
 */
public final class CoreTierSync {

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
        for (int r = 0; r < n; r++) {
            Optional<TierAssignment> current = store.tiers().current(CustomerId.of(frame.customerKey(r)));
            TierCode code = current.map(TierAssignment::tier).orElse(null);
            tiers[r] = code == null ? -1 : ladder.codes().indexOf(code.value());
            manual[r] = current.map(a -> a.source() == AssignmentSource.MANUAL).orElse(false);
            below[r] = Math.max(0, Math.min(127, belowPeriods.applyAsInt(frame.customerKey(r))));
        }
        return TierState.of(tiers, below, manual);
    }

    /** Manual assignments still in force at {@code now}, as overrides keyed by the frame's row ids. */
    public List<TierOverride> overrides(FeatureFrame frame, Instant now) {
        requireKeys(frame);
        Checks.notNull(now, "now");
        List<TierOverride> out = new ArrayList<>();
        for (int r = 0; r < frame.size(); r++) {
            Optional<TierAssignment> a = store.tiers().current(CustomerId.of(frame.customerKey(r)));
            if (a.isPresent() && a.get().isActiveOverride(now) && a.get().tier() != null) {
                Instant until = a.get().expiresAt() == null ? Instant.MAX : a.get().expiresAt();
                out.add(new TierOverride(frame.ids()[r], a.get().tier().value(), until, a.get().reason()));
            }
        }
        return out;
    }

    /**
     * Writes every rule-driven change of the run as a tier assignment by rule, with the change's
     * detail as the reason. Changes made by overrides are already in the history and are skipped.
     *
     * @return the number of assignments written (the service skips unchanged tiers)
     */
    public int write(TierRun run, FeatureFrame frame) {
        Checks.notNull(run, "run");
        requireKeys(frame);
        Checks.sameLength(frame.size(), run.size(), "run");
        int[] written = {0};
        run.writeChanges(change -> {
            if (change.reason() == TierChangeReason.OVERRIDE) {
                return;
            }
            int row = frame.rowOf(change.customerId());
            written[0] += writeChange(frame.customerKey(row), change.toTier(), change.detail()) ? 1 : 0;
        });
        return written[0];
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
        String reason = "nightly tiering: " + detail;
        if (reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
        Optional<TierAssignment> a = session.tiers().assignByRule(CustomerId.of(customerKey), TierCode.of(toTier), reason);
        return a.isPresent();
    }

    private static void requireKeys(FeatureFrame frame) {
        Checks.notNull(frame, "frame");
        if (!frame.hasCustomerKeys()) {
            throw Checks.invalid("frame", "CustomerKeys", "must carry customer keys (read it from the store)");
        }
    }
}
