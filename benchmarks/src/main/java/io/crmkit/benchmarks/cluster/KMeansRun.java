package io.crmkit.benchmarks.cluster;

import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * A main-class harness for the comparison of {@link KMeansBenchmark}: alternates CRMKit and
 * commons-math runs for each seed in one JVM, prints times, iterations and both objectives, then
 * the best and median ratio. {@code java -cp benchmarks/target/benchmarks.jar
 * io.crmkit.benchmarks.cluster.KMeansRun [customers] [seeds]}.
 */
public final class KMeansRun {

    private KMeansRun() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[][] columns = SyntheticCustomers.columns(customers, 2026);
        List<DoublePoint> points = SyntheticCustomers.standardizedPoints(columns);
        long[] ours = new long[seeds];
        long[] theirs = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            int seed = 42 + s;
            long t0 = System.nanoTime();
            KMeansResult r = KMeans.of(KMeansConfig.custom().k(KMeansBenchmark.K).seed(seed)
                    .maxIterations(KMeansBenchmark.MAX_ITERATIONS).build()).fit(columns, SyntheticCustomers.names());
            long t1 = System.nanoTime();
            List<CentroidCluster<DoublePoint>> cm = new KMeansPlusPlusClusterer<DoublePoint>(KMeansBenchmark.K,
                    KMeansBenchmark.MAX_ITERATIONS, new EuclideanDistance(), new JDKRandomGenerator(seed)).cluster(points);
            long t2 = System.nanoTime();
            ours[s] = t1 - t0;
            theirs[s] = t2 - t1;
            double cmObjective = KMeansBenchmark.objective(cm);
            System.out.printf("seed %d: crmkit %.0f ms (%d iterations, converged %s, %.2f distances per point and"
                    + " iteration), commons-math %.0f ms; objective crmkit %.6e, commons-math %.6e (ratio %.5f)%n",
                    seed, ours[s] / 1e6, r.iterations(), r.converged(),
                    r.distanceComputations() / (double) customers / (r.iterations() + 1), theirs[s] / 1e6,
                    r.inertia(), cmObjective, cmObjective / r.inertia());
        }
        long[] a = ours.clone();
        long[] b = theirs.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf("crmkit best %.0f ms, median %.0f ms; commons-math best %.0f ms, median %.0f ms;"
                + " ratio best %.1fx, median %.1fx%n", a[0] / 1e6, a[seeds / 2] / 1e6, b[0] / 1e6, b[seeds / 2] / 1e6,
                (double) b[0] / a[0], (double) b[seeds / 2] / a[seeds / 2]);
    }
}
