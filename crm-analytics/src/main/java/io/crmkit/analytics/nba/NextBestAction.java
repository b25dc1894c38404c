package io.crmkit.analytics.nba;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The next-best-action engine: for every customer of a frame, the ranked actions to take, with
 * reasons, and for every proposition the customer did not get, the stage where it dropped out and
 * why.
 *
 * <pre>{@code
 * NextBestAction nba = NextBestAction.custom()
 *     .proposition(morningNote).proposition(research).proposition(reduceExposure).proposition(stableWm).proposition(ipo)
 *     .capacity(Capacity.custom().channel(Channel.PHONE, 5_000).branchChannels(Channel.PHONE).branchDefault(40).perCustomer(3).build())
 *     .contactGate(firmContactPolicy)            // default: ContactGate.allowAll()
 *     .clock(clock).build();
 * NbaResult r = nba.run(frame, NbaContext.of(Map.of("REDUCE_EXPOSURE", 1.5)), ProgressListener.none());
 * r.actions(row);   // [Recommendation[propositionId=MORNING_NOTE, rank=1, ...], ...]
 * r.dropped(row);   // [Drop[propositionId=MARGIN_LOAN, stage=SUITABILITY, reason=...], ...]
 * }</pre>
 *
 * <p>The stages, in order, for each customer and proposition: <b>eligibility</b> (hard rules over
 * the customer's features), <b>applicability</b> (relevant now: not already held; a context weight
 * of 0 switches a proposition off), <b>suitability</b> (a proposition with a product risk level is
 * offered only when the customer's risk tolerance, the category feature {@link #riskFeature()}
 * with {@link io.crmkit.core.customer.RiskTolerance} labels, is known and at least that level: an
 * unsuitable product is never recommended, whatever its priority), <b>contact</b> (the
 * {@link ContactGate}), then <b>arbitration</b>: priority = propensity × value × context weight ×
 * business lever, and <b>capacity</b> per channel, per branch and per customer (see
 * {@link Capacity} for the deterministic order).
 *
 * <p>Rules are evaluated column-wise over the whole frame; nothing is created per customer except
 * the contact gate's refusals, and reasons are worked out on request. Results do not depend on
 * the number of threads. Immutable and thread-safe.
 */
public final class NextBestAction {

    /** Most propositions one engine takes (one bit each in a 64-bit mask). */
    public static final int MAX_PROPOSITIONS = 64;

    private final List<Proposition> propositions;
    private final Capacity capacity;
    private final ContactGate gate;
    private final String riskFeature;
    private final Clock clock;
    private final int parallelism;

    private NextBestAction(Builder b) {
        List<Proposition> sorted = new ArrayList<>(b.propositions);
        sorted.sort(Comparator.comparing(Proposition::id));
        this.propositions = List.copyOf(sorted);
        this.capacity = b.capacity;
        this.gate = b.gate;
        this.riskFeature = b.riskFeature;
        this.clock = b.clock;
        this.parallelism = b.parallelism;
    }

    public static Builder custom() {
        return new Builder();
    }

    /** Propositions in id order. */
    public List<Proposition> propositions() {
        return propositions;
    }

    public Capacity capacity() {
        return capacity;
    }

    public ContactGate contactGate() {
        return gate;
    }

    /** The category feature with the customers' risk tolerance; default {@code risk_tolerance}. */
    public String riskFeature() {
        return riskFeature;
    }

    public Clock clock() {
        return clock;
    }

    public int parallelism() {
        return parallelism;
    }

    /** {@link #run(FeatureFrame, NbaContext, ProgressListener)} with every context weight 1. */
    public NbaResult run(FeatureFrame frame, ProgressListener progress) {
        return run(frame, NbaContext.neutral(), progress);
    }

    /**
     * Runs every stage over the frame. Progress stage {@code nba} (rows).
     *
     * @throws io.crmkit.core.error.ValidationException naming the feature when a rule, a propensity,
     *     the risk or the branch feature does not fit the frame (a
     *     {@link io.crmkit.analytics.segment.SegmentSyntaxException} for rules), or a context weight
     *     names no proposition
     */
    public NbaResult run(FeatureFrame frame, NbaContext context, ProgressListener progress) {
        Checks.notNull(frame, "frame");
        Checks.notNull(context, "context");
        Checks.notNull(progress, "progress");
        Set<String> ids = new HashSet<>();
        propositions.forEach(p -> ids.add(p.id()));
        for (String id : context.weights().keySet()) {
            if (!ids.contains(id)) {
                throw Checks.invalid("context.weights." + id, "UnknownProposition", "names no proposition of this engine");
            }
        }
        NbaPlan plan = NbaPlan.of(this, frame, context);
        return Arbitration.run(plan, progress);
    }

    @Override
    public String toString() {
        return "NextBestAction[propositions=" + propositions.size() + ", " + capacity + ", gate="
                + (gate == ContactGate.allowAll() ? "allow-all" : "custom") + "]";
    }

    /**
     * Builder: no propositions yet, {@link Capacity#unlimited unlimited} capacity with 3 actions per
     * customer, the allow-all contact gate, risk feature {@code risk_tolerance}, the UTC system
     * clock and all processors. Not thread-safe.
     */
    public static final class Builder {
        private final List<Proposition> propositions = new ArrayList<>();
        private Capacity capacity = Capacity.unlimited(3);
        private ContactGate gate = ContactGate.allowAll();
        private String riskFeature = "risk_tolerance";
        private Clock clock = Clock.systemUTC();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        public Builder proposition(Proposition p) {
            Checks.notNull(p, "nba.proposition");
            for (Proposition q : propositions) {
                if (q.id().equals(p.id())) {
                    throw Checks.invalid("nba.proposition", "Distinct", "'" + p.id() + "' is added twice");
                }
            }
            if (propositions.size() == MAX_PROPOSITIONS) {
                throw Checks.invalid("nba.proposition", "Size", "at most " + MAX_PROPOSITIONS + " propositions");
            }
            propositions.add(p);
            return this;
        }

        public Builder propositions(List<Proposition> ps) {
            Checks.notNull(ps, "nba.propositions").forEach(this::proposition);
            return this;
        }

        public Builder capacity(Capacity capacity) {
            this.capacity = Checks.notNull(capacity, "nba.capacity");
            return this;
        }

        public Builder contactGate(ContactGate gate) {
            this.gate = Checks.notNull(gate, "nba.contactGate");
            return this;
        }

        public Builder riskFeature(String feature) {
            this.riskFeature = Checks.featureName(feature, "nba.riskFeature");
            return this;
        }

        /** The clock whose instant is passed to the contact gate. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "nba.clock");
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = Checks.between(parallelism, 1, 256, "nba.parallelism");
            return this;
        }

        public NextBestAction build() {
            if (propositions.isEmpty()) {
                throw Checks.invalid("nba.propositions", "NotEmpty", "must hold at least one proposition");
            }
            return new NextBestAction(this);
        }
    }
}
