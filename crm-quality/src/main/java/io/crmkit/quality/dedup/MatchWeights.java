package io.crmkit.quality.dedup;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fellegi-Sunter parameters: for every field and level, {@code m} = P(level | same customer) and
 * {@code u} = P(level | different customers); a level's weight is {@code log2(m / u)} bits and a
 * missing value weighs 0. A pair's score is the sum of its fields' weights; at or above
 * {@link #sameThreshold()} it is SAME, at or above {@link #reviewThreshold()} REVIEW.
 *
 * <p>The defaults were set by hand for customer masters like a broker's (a shared identifier is
 * near proof, a shared phone or e-mail strong evidence, a name common); {@link EmEstimator}
 * estimates them from the data instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class MatchWeights {
    private static final int LEVELS = 3;
    private final Map<MatchField, double[]> m;
    private final Map<MatchField, double[]> u;
    private final double same;
    private final double review;

    private MatchWeights(Map<MatchField, double[]> m, Map<MatchField, double[]> u, double same, double review) {
        this.m = m;
        this.u = u;
        this.same = same;
        this.review = review;
    }

    /**
     * The hand-set defaults: SAME at 12 bits, REVIEW at 4. Two present but different phones or
     * e-mails weigh -5 and -4.3 bits: at a million customers the same common name, birth date and
     * city occur together by chance (about 20.7 bits of agreement), and only contact data tells
     * those people apart, so they land in REVIEW rather than SAME.
     */
    public static MatchWeights defaults() {
        return custom()
                .field(MatchField.NAME, 0.80, 0.005, 0.17, 0.01)
                .field(MatchField.BIRTH_DATE, 0.88, 0.0005, 0.05, 0.0003)
                .field(MatchField.PHONE, 0.97, 0.0001, 0, 0)
                .field(MatchField.EMAIL, 0.95, 0.0001, 0, 0)
                .field(MatchField.IDENTIFIER, 0.97, 0.000001, 0, 0)
                .field(MatchField.CITY, 0.90, 0.15, 0, 0)
                .thresholds(12, 4)
                .build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (MatchField f : MatchField.values()) {
            b.m.put(f, m.get(f).clone());
            b.u.put(f, u.get(f).clone());
        }
        b.same = same;
        b.review = review;
        return b;
    }

    public double m(MatchField field, MatchLevel level) {
        return level == MatchLevel.MISSING ? 1 : m.get(field)[level.ordinal()];
    }

    public double u(MatchField field, MatchLevel level) {
        return level == MatchLevel.MISSING ? 1 : u.get(field)[level.ordinal()];
    }

    /** log2(m/u) in bits; 0 for MISSING. */
    public double weight(MatchField field, MatchLevel level) {
        if (level == MatchLevel.MISSING) {
            return 0;
        }
        double mm = m(field, level);
        double uu = u(field, level);
        // A level the field does not have (no CLOSE for phones) carries no evidence.
        return mm <= 0 || uu <= 0 ? 0 : Math.log(mm / uu) / Math.log(2);
    }

    public double sameThreshold() { return same; }

    public double reviewThreshold() { return review; }

    /** Builds {@link MatchWeights}; each setter checks its arguments. Not thread-safe. */
    public static final class Builder {
        private final Map<MatchField, double[]> m = new EnumMap<>(MatchField.class);
        private final Map<MatchField, double[]> u = new EnumMap<>(MatchField.class);
        private double same = 10;
        private double review = 4;

        private Builder() {}

        /**
         * Sets a field's probabilities. {@code mClose}/{@code uClose} of 0 mean the field has no
         * "close" level (CLOSE then counts as DISAGREE). DISAGREE gets what is left: {@code 1 - mAgree - mClose}.
         *
         * @throws ValidationException if a probability is outside (0, 1) or the two of a kind sum to 1 or more
         */
        public Builder field(MatchField field, double mAgree, double uAgree, double mClose, double uClose) {
            Check.notNull(field, "field");
            prob(mAgree, "m." + field + ".agree", false);
            prob(uAgree, "u." + field + ".agree", false);
            prob(mClose, "m." + field + ".close", true);
            prob(uClose, "u." + field + ".close", true);
            Check.that(mAgree + mClose < 1 && uAgree + uClose < 1, "weights." + field, "Sum",
                    "agree and close probabilities must sum to less than 1");
            m.put(field, new double[] {mAgree, mClose, 1 - mAgree - mClose});
            u.put(field, new double[] {uAgree, uClose, 1 - uAgree - uClose});
            return this;
        }

        /** @throws ValidationException unless {@code review <= same}, both finite */
        public Builder thresholds(double sameAtLeast, double reviewAtLeast) {
            Check.that(Double.isFinite(sameAtLeast) && Double.isFinite(reviewAtLeast) && reviewAtLeast <= sameAtLeast,
                    "thresholds", "Order", "must be finite with review <= same");
            same = sameAtLeast;
            review = reviewAtLeast;
            return this;
        }

        Builder raw(MatchField field, double[] mLevels, double[] uLevels) {
            m.put(field, mLevels.clone());
            u.put(field, uLevels.clone());
            return this;
        }

        private static void prob(double p, String field, boolean zeroAllowed) {
            Check.that(Double.isFinite(p) && (zeroAllowed ? p >= 0 : p > 0) && p < 1, field, "Probability",
                    "must be a probability strictly between 0 and 1");
        }

        /** @throws ValidationException if a field has not been set */
        public MatchWeights build() {
            for (MatchField f : MatchField.values()) {
                Check.that(m.containsKey(f), "weights." + f, "Required", "every field needs its m and u");
            }
            Map<MatchField, double[]> mm = new EnumMap<>(MatchField.class);
            Map<MatchField, double[]> uu = new EnumMap<>(MatchField.class);
            m.forEach((k, v) -> mm.put(k, v.clone()));
            u.forEach((k, v) -> uu.put(k, v.clone()));
            return new MatchWeights(mm, uu, same, review);
        }

        static int levels() {
            return LEVELS;
        }
    }
}
