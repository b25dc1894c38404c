package io.crmkit.benchmarks.cluster;

import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * A main-class harness for the comparison of {@link KMeansBenchmark}, interleaved: for each seed
 * (42, 43, ... or from {@code firstSeed}) one CRMKit fit, then one commons-math fit from the same seed value, in one JVM,
 * then the next seed; repeated for several rounds. Prints per fit the wall time, the process CPU
 * time (CRMKit runs on worker threads), the iterations (commons-math's counted from its distance
 * calls: every iteration measures each point against the k centres) and both objectives, and at the
 * end the median of the per-seed ratios and the worst seed.
 *
 * <p>{@code java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * io.crmkit.benchmarks.cluster.KMeansRun [customers=1000000] [seeds=5] [rounds=1] [firstSeed=42]}.
 */
public final class KMeansRun {

    private KMeansRun() {
    }

    /** Euclidean distance that counts its calls, to recover commons-math's iteration count. */
    static final class CountingDistance extends EuclideanDistance {
        private static final long serialVersionUID = 1L;
        long calls;

        @Override
        public double compute(double[] a, double[] b) {
            calls++;
            return super.compute(a, b);
        }
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int firstSeed = args.length > 3 ? Integer.parseInt(args[3]) : 42;
        double[][] columns = SyntheticCustomers.columns(customers, 2026);
        List<DoublePoint> points = SyntheticCustomers.standardizedPoints(columns);
        KMeans.of(KMeansConfig.custom().k(KMeansBenchmark.K).seed(1).build())
                .fit(columns, SyntheticCustomers.names()); // JIT warm-up
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        double worst = Double.POSITIVE_INFINITY;
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < seeds; s++) {
                int seed = firstSeed + s;
                long c0 = cpu();
                long t0 = System.nanoTime();
                KMeansResult r = KMeans.of(KMeansConfig.custom().k(KMeansBenchmark.K).seed(seed)
                        .maxIterations(KMeansBenchmark.MAX_ITERATIONS).build()).fit(columns, SyntheticCustomers.names());
                long t1 = System.nanoTime();
                long c1 = cpu();
                CountingDistance distance = new CountingDistance();
                List<CentroidCluster<DoublePoint>> cm = new KMeansPlusPlusClusterer<DoublePoint>(KMeansBenchmark.K,
                        KMeansBenchmark.MAX_ITERATIONS, distance, new JDKRandomGenerator(seed)).cluster(points);
                long t2 = System.nanoTime();
                long c2 = cpu();
                double cmObjective = KMeansBenchmark.objective(cm);
                double ratio = (double) (t2 - t1) / (t1 - t0);
                double cpuRatio = (double) (c2 - c1) / (c1 - c0);
                ratios.add(ratio);
                cpuRatios.add(cpuRatio);
                worst = Math.min(worst, ratio);
                // k-means++ measures each point against each new centre (k - 1 rounds, several trials
                // each in commons-math), so this slightly overstates its iterations
                double cmIterations = distance.calls / (double) customers / KMeansBenchmark.K;
                System.out.printf("round %d seed %d: crmkit %.0f ms wall, %.0f ms CPU (%d iterations, %.2f distances"
                        + " per point and iteration); commons-math %.0f ms wall, %.0f ms CPU (about %.0f iterations);"
                        + " ratio %.1fx wall, %.1fx CPU; objective crmkit %.6e, commons-math %.6e (%+.2f%%); load %.1f%n",
                        round, seed, (t1 - t0) / 1e6, (c1 - c0) / 1e6, r.iterations(),
                        r.distanceComputations() / (double) customers / (r.iterations() + 1), (t2 - t1) / 1e6,
                        (c2 - c1) / 1e6, cmIterations, ratio, cpuRatio, r.inertia(), cmObjective,
                        100 * (cmObjective / r.inertia() - 1), load());
            }
        }
        double[] a = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] b = cpuRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("ratio commons-math / crmkit over %d fits: median %.1fx wall (worst %.1fx, best %.1fx),"
                + " median %.1fx CPU (worst %.1fx)%n", a.length, a[a.length / 2], worst, a[a.length - 1],
                b[b.length / 2], b[0]);
        System.out.println("per-fit wall ratios, sorted: " + Arrays.toString(a));
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
