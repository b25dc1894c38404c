package io.crmkit.analytics.score;

import io.crmkit.analytics.feature.StandardFeatures;
import io.crmkit.analytics.internal.Checks;

/**
 * Configuration of {@link RfmModel}: the number of quantiles per dimension, the features read,
 * and the parallelism.
 *
 * <p>Build with {@link #custom()}, {@link #ofDefaults()} (quintiles over the standard features) or
 * {@link #from(RfmConfig)}. Every setter checks its range and names the field. Immutable and
 * thread-safe.
 */
public final class RfmConfig {

    private final int quantiles;
    private final String recencyFeature;
    private final String frequencyFeature;
    private final String monetaryFeature;
    private final int parallelism;

    private RfmConfig(Builder b) {
        this.quantiles = b.quantiles;
        this.recencyFeature = b.recencyFeature;
        this.frequencyFeature = b.frequencyFeature;
        this.monetaryFeature = b.monetaryFeature;
        this.parallelism = b.parallelism;
    }

    public static RfmConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(RfmConfig base) {
        Checks.notNull(base, "base");
        return new Builder().quantiles(base.quantiles).recencyFeature(base.recencyFeature)
                .frequencyFeature(base.frequencyFeature).monetaryFeature(base.monetaryFeature)
                .parallelism(base.parallelism);
    }

    /** Scores per dimension (5 = quintiles). */
    public int quantiles() {
        return quantiles;
    }

    public String recencyFeature() {
        return recencyFeature;
    }

    public String frequencyFeature() {
        return frequencyFeature;
    }

    public String monetaryFeature() {
        return monetaryFeature;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "RfmConfig[quantiles=" + quantiles + ", recency=" + recencyFeature + ", frequency="
                + frequencyFeature + ", monetary=" + monetaryFeature + ", parallelism=" + parallelism + "]";
    }

    /** Builder of {@link RfmConfig}. Not thread-safe. */
    public static final class Builder {
        private int quantiles = 5;
        private String recencyFeature = StandardFeatures.RECENCY_DAYS;
        private String frequencyFeature = StandardFeatures.FREQUENCY;
        private String monetaryFeature = StandardFeatures.MONETARY;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Scores per dimension, 2 to 10; default 5. */
        public Builder quantiles(int quantiles) {
            this.quantiles = Checks.between(quantiles, 2, 10, "rfm.quantiles");
            return this;
        }

        /** Days since last activity; lower is better (the score is inverted). */
        public Builder recencyFeature(String feature) {
            this.recencyFeature = Checks.featureName(feature, "rfm.recencyFeature");
            return this;
        }

        public Builder frequencyFeature(String feature) {
            this.frequencyFeature = Checks.featureName(feature, "rfm.frequencyFeature");
            return this;
        }

        public Builder monetaryFeature(String feature) {
            this.monetaryFeature = Checks.featureName(feature, "rfm.monetaryFeature");
            return this;
        }

        /** Worker threads, 1 to 256; default the number of processors. */
        public Builder parallelism(int parallelism) {
            this.parallelism = Checks.between(parallelism, 1, 256, "rfm.parallelism");
            return this;
        }

        public RfmConfig build() {
            return new RfmConfig(this);
        }
    }
}
