package io.crmkit.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HamerlyVersusLloydTest {

    @ParameterizedTest(name = "seed {0}: {1} rows, {2} features, {3} blobs, spread {4}, k {5}, {6} threads")
    @CsvSource({"1, 20000, 5, 6, 1.0, 6, 2", "2, 15000, 3, 4, 4.0, 9, 2", "3, 5000, 10, 8, 0.5, 8, 1",
        "4, 12000, 2, 1, 1.0, 12, 3", "5, 3000, 7, 3, 2.0, 2, 2"})
    @DisplayName("Hamerly's iterations give the assignments, centres and iteration count of brute-force Lloyd's")
    void identicalToLloyd(long seed, int n, int d, int blobs, double spread, int k, int threads) {
        Points p = Points.of(Blobs.columns(seed, n, d, blobs, spread), Blobs.names(d), true, threads);
        KMeansPlusPlus.Seeding seeding = KMeansPlusPlus.seeding(p, k, seed, threads);
        Hamerly h = new Hamerly(p, seeding, threads);   // starts from the seeding's distances, as KMeans does
        h.run(500, 0);
        LloydReference lloyd = new LloydReference(p, seeding.centres(), 500);

        assertThat(h.assign).isEqualTo(lloyd.assign);
        assertThat(h.centres()).isEqualTo(lloyd.centres);
        assertThat(h.iterations).isEqualTo(lloyd.iterations).isGreaterThan(1);
        assertThat(h.converged).isEqualTo(lloyd.converged).isTrue();
        // the point of the bounds: far fewer than n * k distances per iteration
        assertThat(h.distanceComputations()).isLessThan((long) n * k * h.iterations / 2);
    }

    @Test
    @DisplayName("an empty cluster takes the point farthest from its centre, as in Lloyd's with the same rule")
    void emptyClusterReseededLikeLloyd() {
        Points p = Points.of(Blobs.columns(7, 6000, 2, 3, 0.7), Blobs.names(2), true, 2);
        double[] init = KMeansPlusPlus.seed(p, 4, 7, 2);
        init[6] = 1e6;   // centre 3 far from every point: empty after the first assignment
        init[7] = 1e6;
        Hamerly h = new Hamerly(p, init, 2);
        h.run(500, 0);
        LloydReference lloyd = new LloydReference(p, init, 500);

        assertThat(h.assign).isEqualTo(lloyd.assign);
        assertThat(h.centres()).isEqualTo(lloyd.centres);
        assertThat(java.util.Arrays.stream(h.counts()).min().orElseThrow()).isPositive();
        assertThat(h.centres()[6]).isLessThan(100);
    }

    @Test
    @DisplayName("the iteration bound stops both at the same state")
    void iterationBound() {
        Points p = Points.of(Blobs.columns(8, 8000, 4, 2, 5.0), Blobs.names(4), true, 2);
        double[] init = KMeansPlusPlus.seed(p, 10, 8, 2);
        Hamerly h = new Hamerly(p, init, 2);
        h.run(3, 0);
        LloydReference lloyd = new LloydReference(p, init, 3);
        assertThat(h.converged).isFalse();
        assertThat(h.iterations).isEqualTo(3);
        assertThat(h.assign).isEqualTo(lloyd.assign);
    }
}
