package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;

/**
 * Which association rules {@link FrequentItemsets#rules(RuleConfig)} keeps: the semantics, the
 * minimum confidence and lift, and a bound on their number.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleConfig {

    public static final int DEFAULT_MAX_RULES = 1_000_000;
    public static final int MAX_RULES = 20_000_000;

    private final RuleSemantics semantics;
    private final double minConfidence;
    private final double minLift;
    private final int maxRules;

    private RuleConfig(Builder b) {
        this.semantics = b.semantics;
        this.minConfidence = b.minConfidence;
        this.minLift = b.minLift;
        this.maxRules = b.maxRules;
    }

    /** Single-item consequents, confidence at least 0.8 (Spark's default), any lift. */
    public static RuleConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(RuleConfig config) {
        return new Builder().semantics(config.semantics).minConfidence(config.minConfidence)
                .minLift(config.minLift).maxRules(config.maxRules);
    }

    public RuleSemantics semantics() {
        return semantics;
    }

    public double minConfidence() {
        return minConfidence;
    }

    public double minLift() {
        return minLift;
    }

    public int maxRules() {
        return maxRules;
    }

    @Override
    public String toString() {
        return "RuleConfig[semantics=" + semantics + ", minConfidence=" + minConfidence + ", minLift=" + minLift
                + ", maxRules=" + maxRules + "]";
    }

    /** Builder with the defaults of {@link #ofDefaults()}; every setter checks its range. Not thread-safe. */
    public static final class Builder {
        private RuleSemantics semantics = RuleSemantics.SINGLE_CONSEQUENT;
        private double minConfidence = 0.8;
        private double minLift;
        private int maxRules = DEFAULT_MAX_RULES;

        private Builder() {
        }

        public Builder semantics(RuleSemantics value) {
            this.semantics = Checks.notNull(value, "basket.semantics");
            return this;
        }

        /** Least confidence a rule needs, 0 to 1; default 0.8. */
        public Builder minConfidence(double value) {
            this.minConfidence = Checks.between(value, 0.0, 1.0, "basket.minConfidence");
            return this;
        }

        /** Least lift a rule needs, 0 (any) to 1,000,000; default 0. */
        public Builder minLift(double value) {
            this.minLift = Checks.between(value, 0.0, 1e6, "basket.minLift");
            return this;
        }

        /**
         * The most rules a call may return, 1 to {@value RuleConfig#MAX_RULES}; more qualifying
         * rules stop the call with an error naming {@code basket.maxRules}.
         */
        public Builder maxRules(int value) {
            this.maxRules = Checks.between(value, 1, MAX_RULES, "basket.maxRules");
            return this;
        }

        public RuleConfig build() {
            return new RuleConfig(this);
        }
    }
}
