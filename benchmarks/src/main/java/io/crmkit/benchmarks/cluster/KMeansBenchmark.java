package io.crmkit.benchmarks.cluster;

import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * k-means, k = 8, on 1,000,000 customers × 10 features: CRMKit's {@link KMeans} (z-scores,
 * seeded k-means++, Hamerly's iterations) against commons-math 3.6.1's
 * {@code KMeansPlusPlusClusterer} (k-means++ and Lloyd's iterations) given the same z-scored
 * points, the same seed value and the same iteration bound; both run until no point changes
 * cluster. The seeds drive different random generators, so the two start from different centres:
 * the objective (sum of squared distances in z-space) of both is printed after each trial.
 * CRMKit's timing includes its standardisation; commons-math's does not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class KMeansBenchmark {

    static final int K = 8;
    static final int MAX_ITERATIONS = 300;

    @Param({"1000000"})
    public int customers;

    @Param({"42"})
    public int seed;

    private double[][] columns;
    private List<DoublePoint> points;
    private KMeans kmeans;
    private double lastOurs = Double.NaN;
    private double lastTheirs = Double.NaN;

    @Setup(Level.Trial)
    public void setUp() {
        columns = SyntheticCustomers.columns(customers, 2026);
        points = SyntheticCustomers.standardizedPoints(columns);
        kmeans = KMeans.of(KMeansConfig.custom().k(K).seed(seed).maxIterations(MAX_ITERATIONS).build());
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%nobjective: crmkit %.6e, commons-math %.6e, commons-math / crmkit = %.5f%n", lastOurs,
                lastTheirs, lastTheirs / lastOurs);
    }

    @Benchmark
    public KMeansResult crmkit() {
        KMeansResult r = kmeans.fit(columns, SyntheticCustomers.names());
        lastOurs = r.inertia();
        return r;
    }

    @Benchmark
    public List<CentroidCluster<DoublePoint>> commonsMath() {
        List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(K, MAX_ITERATIONS,
                new EuclideanDistance(), new JDKRandomGenerator(seed)).cluster(points);
        lastTheirs = objective(clusters);
        return clusters;
    }

    /** Sum of squared distances of the points to their cluster's centre. */
    static double objective(List<CentroidCluster<DoublePoint>> clusters) {
        double total = 0;
        for (CentroidCluster<DoublePoint> c : clusters) {
            double[] centre = c.getCenter().getPoint();
            for (Clusterable p : c.getPoints()) {
                double[] x = p.getPoint();
                for (int f = 0; f < x.length; f++) {
                    total += (x[f] - centre[f]) * (x[f] - centre[f]);
                }
            }
        }
        return total;
    }
}
