package io.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.rank.SecurityRanking;
import io.crmkit.analytics.segment.Condition;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.segment.SegmentSyntaxException;
import io.crmkit.analytics.tier.TierOverride;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HostileInputTest {

    private static final String ALPHABET = "age tier in between and or not ( ) , = != < <= > >= <> 0 1 28 60 -5 1.5e3 "
            + "GOLD gold x_1 \" ' ; -- /* */ \u0000 \t \n \u202e =cmd| @SUM +1 年龄 ééé 1e999 ...";

    @Test
    @DisplayName("segment text: seeded random input only ever yields a parsed condition or a positioned syntax error")
    void randomSegmentText() {
        FeatureFrame frame = FeatureFrame.builder(3).ints("age", new int[] {20, 40, 70})
                .categories("tier", new int[] {0, 1, -1}, List.of("GOLD", "SILVER")).build();
        String[] tokens = ALPHABET.split(" ");
        SplittableRandom rnd = new SplittableRandom(99);
        int parsed = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(tokens[rnd.nextInt(tokens.length)]).append(rnd.nextInt(4) == 0 ? "" : " ");
            }
            String text = sb.toString();
            Throwable t = catchThrowable(() -> Segment.parse("s", text).members(frame));
            if (t == null) {
                parsed++;
                assertThat(Condition.parse(Condition.parse(text).toText()).toText()).isEqualTo(Condition.parse(text).toText());
            } else {
                assertThat(t).as(text).isInstanceOf(SegmentSyntaxException.class);
                SegmentSyntaxException e = (SegmentSyntaxException) t;
                assertThat(e.position()).isBetween(1, text.length() + 1);
                assertThat(e.getMessage()).doesNotContain("\u0000").doesNotContain("\n").hasSizeLessThan(400);
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    @DisplayName("nulls, control characters and formula prefixes are rejected with the field named")
    void nullsAndControlCharacters() {
        assertThatThrownBy(() -> FeatureFrame.builder(1).doubles("aum", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("feature 'aum'");
        assertThatThrownBy(() -> FeatureFrame.builder(1).ints(null, new int[1]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("feature [NotNull]");
        assertThatThrownBy(() -> new TierOverride(1, "GOLD", Instant.EPOCH, "line\u0000break"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("override.reason");
        assertThatThrownBy(() -> new TierOverride(1, "=GOLD", Instant.EPOCH, "ok"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("override.tier");
        assertThatThrownBy(() -> SecurityRanking.builder().holding(1, "600519\n", 10))
                .isInstanceOf(ValidationException.class).hasMessageContaining("security");
        assertThatThrownBy(() -> SecurityRanking.builder().holding(1, "600519", Double.NaN))
                .isInstanceOf(ValidationException.class).hasMessageContaining("holding.marketValue");
        assertThatThrownBy(() -> Segment.parse("Bad Name", "age > 1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("segment.name");
        assertThatThrownBy(() -> FeatureFrame.builder(1).categories("tier", new int[] {0}, List.of("=cmd|x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("feature 'tier' level");
    }
}
