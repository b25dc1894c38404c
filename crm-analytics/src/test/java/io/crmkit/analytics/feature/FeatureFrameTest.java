package io.crmkit.analytics.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureFrameTest {

    private static FeatureFrame sample() {
        return FeatureFrame.builder(3)
                .ids(new long[] {30, 10, 20})
                .doubles("aum", new double[] {1.5, -0.0, 3})
                .ints("age", new int[] {30, 40, 50})
                .longs("opened_epoch_day", new long[] {19000, 19001, 19002})
                .categories("tier", new int[] {0, 1, -1}, List.of("GOLD", "SILVER"))
                .build();
    }

    @Test
    @DisplayName("holds typed columns, finds rows by customer id and views integers as doubles")
    void holdsTypedColumns() {
        FeatureFrame f = sample();
        assertThat(f.size()).isEqualTo(3);
        assertThat(f.featureNames()).containsExactly("aum", "age", "opened_epoch_day", "tier");
        assertThat(f.type("tier")).isEqualTo(ColumnType.CATEGORY);
        assertThat(f.rowOf(20)).isEqualTo(2);
        assertThat(f.rowOf(99)).isEqualTo(-1);
        assertThat(f.numeric("age")).containsExactly(30, 40, 50);
        assertThat(f.numeric("opened_epoch_day")).containsExactly(19000, 19001, 19002);
        assertThat(f.categoryLevels("tier")).containsExactly("GOLD", "SILVER");
    }

    @Test
    @DisplayName("turns negative zero into zero so bit order equals numeric order")
    void normalizesNegativeZero() {
        assertThat(Double.doubleToRawLongBits(sample().doubles("aum")[1])).isZero();
    }

    @Test
    @DisplayName("adds host-defined features as new frames sharing the columns")
    void addsHostFeatures() {
        FeatureFrame f = sample();
        double[] aum = f.doubles("aum");
        double[] age = f.numeric("age");
        FeatureFrame g = f.derive("aum_per_year", r -> aum[r] / age[r]);
        assertThat(g.doubles("aum_per_year")).containsExactly(0.05, 0.0, 0.06);
        assertThat(g.doubles("aum")).isSameAs(aum);
        assertThat(f.has("aum_per_year")).isFalse();
    }

    @Test
    @DisplayName("rejects bad columns with the feature and the rule in the message")
    void rejectsBadColumns() {
        assertThatThrownBy(() -> FeatureFrame.builder(2).doubles("aum", new double[] {1, Double.NaN}))
                .hasMessageContaining("feature 'aum' row 1").hasMessageContaining("finite");
        assertThatThrownBy(() -> FeatureFrame.builder(2).doubles("aum", new double[] {1}))
                .hasMessageContaining("feature 'aum'").hasMessageContaining("2 rows");
        assertThatThrownBy(() -> FeatureFrame.builder(1).doubles("Bad Name", new double[] {1}))
                .hasMessageContaining("feature").hasMessageContaining("a-z");
        assertThatThrownBy(() -> FeatureFrame.builder(2).ids(new long[] {7, 7}))
                .hasMessageContaining("ids").hasMessageContaining("same id twice");
        assertThatThrownBy(() -> FeatureFrame.builder(1).ints("x", new int[] {1}).ints("x", new int[] {2}))
                .hasMessageContaining("feature 'x'").hasMessageContaining("already");
        assertThatThrownBy(() -> FeatureFrame.builder(1).categories("tier", new int[] {2}, List.of("GOLD")))
                .hasMessageContaining("feature 'tier' row 0");
        assertThatThrownBy(() -> sample().doubles("age")).hasMessageContaining("feature 'age'")
                .hasMessageContaining("INT, not DOUBLE");
        assertThatThrownBy(() -> sample().numeric("missing")).hasMessageContaining("feature 'missing'")
                .hasMessageContaining("not in the frame");
        assertThatThrownBy(() -> FeatureFrame.builder(-1)).hasMessageContaining("rows");
    }

    @Test
    @DisplayName("defaults customer ids to row numbers")
    void defaultsIds() {
        assertThat(FeatureFrame.builder(3).build().ids()).containsExactly(0, 1, 2);
    }
}
