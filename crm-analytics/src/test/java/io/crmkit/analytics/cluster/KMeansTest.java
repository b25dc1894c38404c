package io.crmkit.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.core.error.ValidationException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasViolationOn(field))
                        .as("violation on %s in %s", field, e.getMessage()).isTrue());
    }

    @Test
    @DisplayName("the same clusters, centres and inertia for one, two and four threads")
    void deterministicAcrossThreadCounts() {
        double[][] cols = Blobs.columns(21, 40_000, 6, 5, 1.5);
        KMeansResult one = KMeans.of(KMeansConfig.custom().k(7).seed(3).parallelism(1).build()).fit(cols, Blobs.names(6));
        for (int threads : new int[] {2, 4}) {
            KMeansResult many = KMeans.of(KMeansConfig.custom().k(7).seed(3).parallelism(threads).build())
                    .fit(cols, Blobs.names(6));
            assertThat(many.assignments()).isEqualTo(one.assignments());
            assertThat(many.inertia()).isEqualTo(one.inertia());
            for (int j = 0; j < 7; j++) {
                assertThat(many.centroid(j)).isEqualTo(one.centroid(j));
            }
        }
        assertThat(one.converged()).isTrue();
    }

    @Test
    @DisplayName("each cluster is described by the features that set it apart, in sd from average")
    void describesClusters() {
        // two groups: rich and quiet (aum 10, trades 1), modest and busy (aum 0, trades 3)
        int n = 1000;
        double[] aum = new double[n];
        double[] trades = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            aum[i] = i % 2 == 0 ? 10 : 0;
            trades[i] = i % 2 == 0 ? 1 : 3;
            age[i] = 40;   // constant: tells nobody apart
        }
        FeatureFrame frame = FeatureFrame.builder(n).doubles("aum", aum).doubles("trades", trades)
                .doubles("age", age).build();
        KMeansResult r = KMeans.of(KMeansConfig.custom().k(2).build()).fit(frame, List.of("aum", "trades", "age"));
        ClusterProfile rich = r.profile(r.cluster(0));
        assertThat(rich.description()).isEqualTo("aum +1.0 sd above average, trades -1.0 sd below average");
        assertThat(rich.size()).isEqualTo(500);
        assertThat(rich.share()).isEqualTo(0.5);
        assertThat(rich.deviations()).extracting(FeatureDeviation::feature).containsExactly("aum", "trades", "age");
        assertThat(rich.deviations().get(2).sdFromAverage()).isZero();
        assertThat(r.centroid(r.cluster(0))).containsExactly(10, 1, 40);
        assertThat(r.profile(r.cluster(1)).description()).isEqualTo("aum -1.0 sd below average, trades +1.0 sd above average");
        assertThat(r.inertia()).isCloseTo(0, within(1e-9));
    }

    @Test
    @DisplayName("a constant column is all zeros after standardisation and does not change the clusters")
    void constantColumn() {
        double[][] cols = Blobs.columns(5, 4000, 3, 3, 0.5);
        double[] constant = new double[4000];
        java.util.Arrays.fill(constant, 7.5);
        KMeansResult without = KMeans.of(KMeansConfig.custom().k(3).build()).fit(cols, Blobs.names(3));
        KMeansResult with = KMeans.of(KMeansConfig.custom().k(3).build())
                .fit(new double[][] {cols[0], cols[1], cols[2], constant}, List.of("f0", "f1", "f2", "flat"));
        assertThat(with.assignments()).isEqualTo(without.assignments());
        assertThat(with.centroid(0)[3]).isEqualTo(7.5);
        assertThat(with.inertia()).isEqualTo(without.inertia());
    }

    @Test
    @DisplayName("k above the number of distinct points, or of rows, is refused naming cluster.k")
    void kAboveDistinctPoints() {
        double[] x = {1, 1, 2, 2, 3, 3, 3};
        refused(() -> KMeans.of(KMeansConfig.custom().k(4).build()).fit(new double[][] {x}, List.of("x")), "cluster.k");
        refused(() -> KMeans.of(KMeansConfig.custom().k(8).build()).fit(new double[][] {x}, List.of("x")), "cluster.k");
        KMeansResult three = KMeans.of(KMeansConfig.custom().k(3).build()).fit(new double[][] {x}, List.of("x"));
        assertThat(three.inertia()).isZero();
        assertThat(three.cluster(0)).isEqualTo(three.cluster(1)).isNotEqualTo(three.cluster(2));
    }

    @Test
    @DisplayName("NaN and infinite values, ragged and unnamed columns and bad settings are refused with the field")
    void badInput() {
        KMeans km = KMeans.of(KMeansConfig.custom().k(2).build());
        refused(() -> km.fit(new double[][] {{1, Double.NaN, 3}}, List.of("aum")), "cluster.features.aum");
        refused(() -> km.fit(new double[][] {{1, 2, Double.POSITIVE_INFINITY}}, List.of("aum")), "cluster.features.aum");
        refused(() -> km.fit(new double[][] {{1, 2}, {1}}, List.of("a", "b")), "cluster.columns[1]");
        refused(() -> km.fit(new double[][] {{1, 2}}, List.of("A B")), "cluster.features[0]");
        refused(() -> km.fit(new double[][] {{1, 2}, {1, 2}}, List.of("a", "a")), "cluster.features[1]");
        refused(() -> km.fit(new double[][] {{1, 2}}, List.of("a", "b")), "cluster.features");
        refused(() -> km.fit((double[][]) null, List.of("a")), "cluster.columns");
        refused(() -> km.fit(new double[][] {{}}, List.of("a")), "cluster.columns");
        refused(() -> KMeansConfig.custom().k(0), "cluster.k");
        refused(() -> KMeansConfig.custom().maxIterations(0), "cluster.maxIterations");
        refused(() -> KMeansConfig.custom().tolerance(-1), "cluster.tolerance");
        refused(() -> KChooser.of(KMeansConfig.ofDefaults(), 2, 3, 100), "cluster.kMax");
        assertThatThrownBy(() -> km.fit(new double[][] {{1, 123456.789, Double.NaN}}, List.of("aum")))
                .hasMessageNotContaining("123456");
        FeatureFrame frame = FeatureFrame.builder(2).doubles("aum", new double[] {1, 2}).build();
        assertThatThrownBy(() -> km.fit(frame, List.of("trades"))).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("the elbow and the sampled silhouette both find four well-separated groups")
    void choosesK() {
        double[][] cols = Blobs.columns(44, 8_000, 4, 4, 0.3);
        KChoice choice = KChooser.of(KMeansConfig.custom().seed(1).build(), 2, 8, 1000).choose(cols, Blobs.names(4));
        assertThat(choice.elbowK()).isEqualTo(4);
        assertThat(choice.silhouetteK()).isEqualTo(4);
        assertThat(choice.silhouettes()[2]).isGreaterThan(0.7);
        assertThat(choice.inertias()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(choice.fit(4).k()).isEqualTo(4);
    }

    @Test
    @DisplayName("the elbow rule picks the point farthest below the chord")
    void elbowRule() {
        assertThat(KChooser.elbow(new double[] {100, 40, 30, 25, 22})).isEqualTo(1);
        assertThat(KChooser.elbow(new double[] {100, 90, 20, 15, 12})).isEqualTo(2);
        assertThat(KChooser.elbow(new double[] {5, 5, 5})).isZero();
    }
}
