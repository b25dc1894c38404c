package io.crmkit.analytics.nba;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.segment.Condition;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.interaction.Channel;

/**
 * One action the firm can take with a customer, as data: send the pre-market morning note by app,
 * call to suggest reducing exposure, offer a wealth-management product.
 *
 * <pre>{@code
 * Proposition ipo = Proposition.builder("IPO_SUBSCRIPTION")
 *     .description("Subscribe to new shares with idle cash")
 *     .channel(Channel.APP).purpose(ConsentPurpose.MARKETING)
 *     .product("NEW_SHARES", RiskTolerance.GROWTH)
 *     .value(120).propensity("p_ipo")
 *     .eligibility("idle_cash >= 50000 and equity_share > 0")
 *     .build();
 * }</pre>
 *
 * <p>Eligibility and applicability are conditions in the segment language
 * ({@link io.crmkit.analytics.segment.Condition}); absent means "always". A top-level {@code and}
 * is split into its parts so that a dropped customer learns which part failed. Eligibility holds
 * hard rules (minimum assets, age, customer type); applicability says whether the action is
 * relevant now (not already held, not already subscribed).
 *
 * <p>{@code productRisk} is the product's risk level on the same five-step scale as the customer's
 * {@link RiskTolerance} (R1..R5 against C1..C5); it is null for actions that sell no investment
 * product (information, service, advice to reduce risk), which are suitable for everyone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                 stable upper-case code; propositions are ordered by it for ties
 * @param description        words for reasons, without personal data
 * @param channel            the channel the action is delivered on
 * @param purpose            the consent purpose of the contact
 * @param product            product code, or null for a non-product action
 * @param productRisk        the product's risk level, or null when it carries no investment risk
 * @param value              value to the firm if the customer takes it up (at least 0)
 * @param lever              business lever, a multiplier the firm sets to push or hold back (0.01 to 100)
 * @param propensityFeature  the frame feature holding the take-up propensity per customer (0..1),
 *                           or null for a propensity of 1
 * @param eligibility        hard rules, or null for none
 * @param applicability      relevance now, or null for none
 */
public record Proposition(String id, String description, Channel channel, ConsentPurpose purpose, String product,
                          RiskTolerance productRisk, double value, double lever, String propensityFeature,
                          Condition eligibility, Condition applicability) {

    public Proposition {
        Checks.code(id, "proposition.id");
        Checks.text(description, 200, "proposition.description");
        Checks.notNull(channel, "proposition.channel");
        Checks.notNull(purpose, "proposition.purpose");
        if (product != null) {
            Checks.code(product, "proposition.product");
        }
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw Checks.invalid("proposition.value", "Range", "must be a finite number of at least 0");
        }
        Checks.between(lever, 0.01, 100, "proposition.lever");
        if (propensityFeature != null) {
            Checks.featureName(propensityFeature, "proposition.propensityFeature");
        }
    }

    /** Starts a proposition with the given id; channel APP, purpose SERVICE, value 1, lever 1. */
    public static Builder builder(String id) {
        return new Builder(Checks.code(id, "proposition.id"));
    }

    /** Builder of {@link Proposition}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String description;
        private Channel channel = Channel.APP;
        private ConsentPurpose purpose = ConsentPurpose.SERVICE;
        private String product;
        private RiskTolerance productRisk;
        private double value = 1;
        private double lever = 1;
        private String propensityFeature;
        private Condition eligibility;
        private Condition applicability;

        private Builder(String id) {
            this.id = id;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = Checks.notNull(channel, "proposition.channel");
            return this;
        }

        public Builder purpose(ConsentPurpose purpose) {
            this.purpose = Checks.notNull(purpose, "proposition.purpose");
            return this;
        }

        /** The product sold and its risk level (null risk: no investment risk). */
        public Builder product(String code, RiskTolerance riskLevel) {
            this.product = Checks.code(code, "proposition.product");
            this.productRisk = riskLevel;
            return this;
        }

        public Builder value(double value) {
            this.value = value;
            return this;
        }

        public Builder lever(double lever) {
            this.lever = lever;
            return this;
        }

        public Builder propensity(String feature) {
            this.propensityFeature = Checks.featureName(feature, "proposition.propensityFeature");
            return this;
        }

        public Builder eligibility(Condition condition) {
            this.eligibility = Checks.notNull(condition, "proposition.eligibility");
            return this;
        }

        /** @throws io.crmkit.analytics.segment.SegmentSyntaxException with the column of the error */
        public Builder eligibility(String condition) {
            return eligibility(Condition.parse(Checks.notNull(condition, "proposition.eligibility")));
        }

        public Builder applicability(Condition condition) {
            this.applicability = Checks.notNull(condition, "proposition.applicability");
            return this;
        }

        /** @throws io.crmkit.analytics.segment.SegmentSyntaxException with the column of the error */
        public Builder applicability(String condition) {
            return applicability(Condition.parse(Checks.notNull(condition, "proposition.applicability")));
        }

        public Proposition build() {
            return new Proposition(id, description == null ? id : description, channel, purpose, product, productRisk,
                    value, lever, propensityFeature, eligibility, applicability);
        }
    }
}
