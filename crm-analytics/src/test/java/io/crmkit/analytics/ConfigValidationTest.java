package io.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.score.RfmConfig;
import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    @Test
    @DisplayName("RFM configuration names the field and the allowed range")
    void rfmConfig() {
        assertThatThrownBy(() -> RfmConfig.custom().quantiles(1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolationOn("rfm.quantiles")).isTrue();
                    assertThat(e.violations().get(0).rule()).isEqualTo("Range");
                    assertThat(e.violations().get(0).message()).isEqualTo("must be between 2 and 10 (was 1)");
                })
                .hasMessage("1 violation(s): rfm.quantiles [Range]: must be between 2 and 10 (was 1)");
        assertThatThrownBy(() -> RfmConfig.custom().quantiles(11)).hasMessageContaining("rfm.quantiles");
        assertThatThrownBy(() -> RfmConfig.custom().recencyFeature("Days Since")).hasMessageContaining("rfm.recencyFeature");
        assertThatThrownBy(() -> RfmConfig.custom().monetaryFeature(null)).hasMessageContaining("rfm.monetaryFeature")
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> RfmConfig.custom().parallelism(0)).hasMessageContaining("rfm.parallelism");
    }

    @Test
    @DisplayName("copies a configuration with from() and keeps every value")
    void fromCopies() {
        RfmConfig a = RfmConfig.custom().quantiles(4).frequencyFeature("trades").parallelism(3).build();
        RfmConfig b = RfmConfig.from(a).build();
        assertThat(b.quantiles()).isEqualTo(4);
        assertThat(b.frequencyFeature()).isEqualTo("trades");
        assertThat(b.parallelism()).isEqualTo(3);
        assertThat(b.toString()).isEqualTo(a.toString());
    }

    @Test
    @DisplayName("tier configuration names the field and the rule")
    void tierConfig() {
        assertThatThrownBy(() -> TierEngineConfig.custom().downgradeAfterPeriods(0))
                .hasMessageEndingWith("tier.downgradeAfterPeriods [Range]: must be between 1 and 24 (was 0)");
        assertThatThrownBy(() -> TierEngineConfig.custom().clock(null)).hasMessageContaining("tier.clock");
        assertThatThrownBy(() -> ThresholdTierPolicy.custom().tier("GOLD", 70).tier("PLATINUM", 85))
                .hasMessageContaining("tier.minScore").hasMessageContaining("lower than the previous");
        assertThatThrownBy(() -> ThresholdTierPolicy.custom().tier("GOLD", 70).build())
                .hasMessageContaining("tier.otherwise");
        assertThatThrownBy(() -> PercentileTierPolicy.custom().tier("GOLD", 0.7).tier("SILVER", 0.4))
                .hasMessageContaining("tier.share").hasMessageContaining("at most 1");
        assertThatThrownBy(() -> PercentileTierPolicy.custom().tier("GOLD", 0))
                .hasMessageContaining("tier.share");
        assertThatThrownBy(() -> TierLadder.of("GOLD")).hasMessageContaining("tiers").hasMessageContaining("2 to 16");
        assertThatThrownBy(() -> TierLadder.of("GOLD", "GOLD")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> TierLadder.of("gold", "SILVER")).hasMessageContaining("tiers");
    }
}
