package io.crmkit.analytics.score;

import io.crmkit.analytics.feature.StandardFeatures;
import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of {@link ValueScoreModel}: the weighted components and the parallelism.
 *
 * <p>{@link #ofDefaults()}: assets 40 points (full at 1,000,000), contribution 40 (full at
 * 10,000), trades 10 (full at 100), tenure 10 (full at ten years). Build with {@link #custom()}
 * or {@link #from(ValueScoreConfig)}; every setter validates and names the field. Immutable and
 * thread-safe.
 */
public final class ValueScoreConfig {

    private final List<ValueComponent> components;
    private final int parallelism;

    private ValueScoreConfig(List<ValueComponent> components, int parallelism) {
        this.components = components;
        this.parallelism = parallelism;
    }

    public static ValueScoreConfig ofDefaults() {
        return custom()
                .component(new ValueComponent("ASSETS", StandardFeatures.AUM, 40, 1_000_000, "Assets under management"))
                .component(new ValueComponent("CONTRIBUTION", StandardFeatures.CONTRIBUTION, 40, 10_000,
                        "Revenue and commission earned from the customer"))
                .component(new ValueComponent("ACTIVITY", StandardFeatures.FREQUENCY, 10, 100, "Trading activity"))
                .component(new ValueComponent("TENURE", StandardFeatures.TENURE_DAYS, 10, 3650,
                        "Years as a customer"))
                .build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(ValueScoreConfig base) {
        Checks.notNull(base, "base");
        Builder b = new Builder().parallelism(base.parallelism);
        base.components.forEach(b::component);
        return b;
    }

    public List<ValueComponent> components() {
        return components;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "ValueScoreConfig[components=" + components + ", parallelism=" + parallelism + "]";
    }

    /** Builder of {@link ValueScoreConfig}. Not thread-safe. */
    public static final class Builder {
        private final List<ValueComponent> components = new ArrayList<>();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Adds a component; codes must be distinct, at most 32 components. */
        public Builder component(ValueComponent component) {
            Checks.notNull(component, "value.component");
            if (components.size() == 32) {
                throw Checks.invalid("value.components", "must hold at most 32 components");
            }
            components.add(component);
            return this;
        }

        public Builder clearComponents() {
            components.clear();
            return this;
        }

        /** Worker threads, 1 to 256. */
        public Builder parallelism(int parallelism) {
            this.parallelism = Checks.between(parallelism, 1, 256, "value.parallelism");
            return this;
        }

        public ValueScoreConfig build() {
            if (components.isEmpty()) {
                throw Checks.invalid("value.components", "must hold at least one component");
            }
            Set<String> codes = new HashSet<>();
            for (ValueComponent c : components) {
                if (!codes.add(c.code())) {
                    throw Checks.invalid("value.components", "must have distinct codes (" + c.code() + " twice)");
                }
            }
            return new ValueScoreConfig(List.copyOf(components), parallelism);
        }
    }
}
