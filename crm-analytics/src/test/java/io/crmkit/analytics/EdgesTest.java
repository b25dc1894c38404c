package io.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.segment.Condition;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.analytics.segment.SegmentSyntaxException;
import io.crmkit.analytics.tier.PercentileTierPolicy;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierPolicy;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Edges of segments and tiers: the library's own exception naming the field")
class EdgesTest {

    @Nested
    @DisplayName("segment conditions built in code")
    class Conditions {
        private final FeatureFrame frame = FeatureFrame.builder(3).ids(new long[] {1, 2, 3})
                .ints("age", new int[] {20, 40, 60}).build();

        @Test
        @DisplayName("are depth-bounded at construction, and a chain at the bound evaluates and prints without overflowing")
        void depthBound() {
            Condition chain = Condition.field("age").atLeast(0);
            for (int i = 1; i < Condition.MAX_DEPTH; i++) {
                chain = chain.and(Condition.field("age").atLeast(i % 30));
            }
            Condition atBound = chain;
            assertThat(Condition.depth(atBound)).isEqualTo(Condition.MAX_DEPTH);
            assertThat(Segment.of("deep", atBound).members(frame).rows()).containsExactly(1, 2);
            assertThat(atBound.toText()).startsWith("age >= 0 and age >= 1");
            assertThat(atBound.hashCode()).isEqualTo(atBound.hashCode());

            assertThatThrownBy(() -> atBound.and(Condition.field("age").atLeast(1)))
                    .isInstanceOf(SegmentSyntaxException.class).hasMessageContaining("at most 1000 levels");
            assertThatThrownBy(atBound::negate).isInstanceOf(SegmentSyntaxException.class);
            Condition tall = Condition.field("age").atLeast(0);
            for (int i = 0; i < 5_000 && Condition.depth(tall) < Condition.MAX_DEPTH; i++) {
                tall = tall.or(Condition.field("age").atMost(1));
            }
            assertThat(Condition.depth(tall)).isEqualTo(Condition.MAX_DEPTH);
        }

        @Test
        @DisplayName("refuse values that would not parse where they are compared, and malformed nodes")
        void valuesChecked() {
            assertThat(segment(() -> new Condition.Value("abc", true, 3))).contains("column 3");
            assertThat(segment(() -> new Condition.Value("1e999", true, 0))).contains("too large");
            assertThat(segment(() -> new Condition.Value("NaN", true, 0))).contains("number");
            assertThat(segment(() -> new Condition.Value("gold; drop", false, 0))).contains("A-Z");
            assertThat(segment(() -> new Condition.Value(null, false, 0))).contains("1 to 64");
            Condition.Value word = new Condition.Value("GOLD", false, 0);
            Condition.Value one = new Condition.Value("1", true, 0);
            assertThat(segment(() -> new Condition.Between("age", word, one, 0))).contains("two numbers");
            assertThat(segment(() -> new Condition.Between("age", new Condition.Value("9", true, 0), one, 0)))
                    .contains("lower bound");
            assertThat(segment(() -> new Condition.Compare("Bad Name", Condition.Op.EQ, one, 0))).contains("feature name");
            assertThat(segment(() -> new Condition.Compare("age", null, one, 0))).contains("operator");
            assertThat(segment(() -> new Condition.In("age", List.of(), 0))).contains("1 to 1000");
            assertThat(segment(() -> new Condition.And(null, Condition.field("age").atLeast(1)))).contains("missing");
            assertThat(segment(() -> new Condition.Not(null, 4))).contains("column 4");
        }

        private String segment(Runnable build) {
            SegmentSyntaxException e = org.assertj.core.api.Assertions.catchThrowableOfType(SegmentSyntaxException.class,
                    build::run);
            assertThat(e).isNotNull();
            assertThat(e.violations()).extracting(Violation::field).containsExactly("segment");
            return e.getMessage();
        }
    }

    @Nested
    @DisplayName("tier scores")
    class Scores {
        private final ThresholdTierPolicy zeroThreshold = ThresholdTierPolicy.custom().tier("GOLD", 0)
                .otherwise("BRONZE").build();

        private TierEngine engine(TierPolicy policy) {
            return TierEngine.of(policy, TierEngineConfig.custom().parallelism(1).build());
        }

        @Test
        @DisplayName("NaN and infinities are refused naming the row, never placed in the best tier")
        void nanRefused() {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                        () -> engine(zeroThreshold).run(new long[] {1, 2}, new double[] {5, bad}, TierState.empty(2),
                                List.of(), ProgressListener.none()));
                assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("scores row 1", "Finite"));
                assertThatThrownBy(() -> TierPolicy.tierFor(bad, new double[] {0, Double.NEGATIVE_INFINITY}))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("score");
                assertThatThrownBy(() -> PercentileTierPolicy.custom().tier("GOLD", 0.5).otherwise("BRONZE").build()
                        .minimumScores(new double[] {1, bad})).isInstanceOf(ValidationException.class);
            }
        }

        @Test
        @DisplayName("-0.0 counts as 0.0: it reaches a tier whose threshold is 0, and the caller's array is untouched")
        void negativeZero() {
            double[] scores = {-0.0, 0.0, -1};
            TierRun run = engine(zeroThreshold).run(new long[] {1, 2, 3}, scores, TierState.empty(3), List.of(),
                    ProgressListener.none());
            assertThat(List.of(run.tier(0), run.tier(1), run.tier(2))).containsExactly("GOLD", "GOLD", "BRONZE");
            assertThat(Double.doubleToRawLongBits(scores[0])).isEqualTo(Long.MIN_VALUE);

            ThresholdTierPolicy negZero = ThresholdTierPolicy.custom().tier("GOLD", -0.0).otherwise("BRONZE").build();
            TierRun run2 = engine(negZero).run(new long[] {1}, new double[] {0.0}, TierState.empty(1), List.of(),
                    ProgressListener.none());
            assertThat(run2.tier(0)).isEqualTo("GOLD");
            assertThat(TierPolicy.tierFor(-0.0, new double[] {0.0, Double.NEGATIVE_INFINITY})).isZero();
        }
    }
}
