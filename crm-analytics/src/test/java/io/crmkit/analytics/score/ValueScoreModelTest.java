package io.crmkit.analytics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.feature.FeatureFrame;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValueScoreModelTest {

    private static FeatureFrame frame() {
        return FeatureFrame.builder(3)
                .doubles("aum", new double[] {2_000_000, 250_000, -10})
                .doubles("contribution", new double[] {5_000, 12_000, -300})
                .doubles("frequency", new double[] {50, 0, 0})
                .doubles("tenure_days", new double[] {3650, 365, 0})
                .build();
    }

    @Test
    @DisplayName("computes capped weighted points on a 0 to 100 scale")
    void weightedCappedScore() {
        ValueScoreResult r = ValueScoreModel.ofDefaults().score(frame());
        // 40*1 + 40*0.5 + 10*0.5 + 10*1 = 75
        assertThat(r.score(0)).isCloseTo(75.0, within(1e-9));
        // 40*0.25 + 40*1 + 0 + 10*0.1 = 51
        assertThat(r.score(1)).isCloseTo(51.0, within(1e-9));
        // negative values earn nothing
        assertThat(r.score(2)).isZero();
        assertThat(r.label(0)).isEqualTo("high");
        assertThat(r.label(1)).isEqualTo("medium");
        assertThat(r.label(2)).isEqualTo("low");
    }

    @Test
    @DisplayName("explains a value score by the two components that earned most")
    void reasons() {
        ValueScoreResult r = ValueScoreModel.ofDefaults().score(frame());
        assertThat(r.reasons(1)).extracting(Reason::code).containsExactly("CONTRIBUTION", "ASSETS");
        assertThat(r.reasons(1).get(0).text())
                .isEqualTo("Revenue and commission earned from the customer: 40.0 of 40.0 points");
        assertThat(r.reasons(1).get(1).text()).isEqualTo("Assets under management: 10.0 of 40.0 points");
    }

    @Test
    @DisplayName("uses host components with their own weights")
    void customComponents() {
        ValueScoreConfig cfg = ValueScoreConfig.custom()
                .component(new ValueComponent("FUNDS", "aum", 1, 100, "Fund holdings"))
                .component(new ValueComponent("FEES", "contribution", 3, 100, "Fees"))
                .parallelism(1).build();
        FeatureFrame f = FeatureFrame.builder(1).doubles("aum", new double[] {50}).doubles("contribution",
                new double[] {100}).build();
        assertThat(ValueScoreModel.of(cfg).score(f).score(0)).isCloseTo(87.5, within(1e-9));
        assertThat(ValueScoreConfig.from(cfg).build().components()).hasSize(2);
    }

    @Test
    @DisplayName("rejects bad components naming the field")
    void rejectsBadComponents() {
        assertThatThrownBy(() -> new ValueComponent("A", "aum", 0, 1, "x")).hasMessageContaining("value.component.weight");
        assertThatThrownBy(() -> new ValueComponent("A", "aum", 1, -1, "x")).hasMessageContaining("value.component.cap");
        assertThatThrownBy(() -> new ValueComponent("A", "aum", 1, Double.POSITIVE_INFINITY, "x"))
                .hasMessageContaining("value.component.cap");
        assertThatThrownBy(() -> ValueScoreConfig.custom().build()).hasMessageContaining("value.components");
        ValueComponent c = new ValueComponent("A", "aum", 1, 1, "x");
        assertThatThrownBy(() -> ValueScoreConfig.custom().component(c).component(c).build())
                .hasMessageContaining("value.components").hasMessageContaining("A twice");
    }
}
