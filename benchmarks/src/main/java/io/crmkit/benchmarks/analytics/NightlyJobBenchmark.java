package io.crmkit.benchmarks.analytics;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
import io.crmkit.analytics.tier.TierState;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The head-office nightly run (RFM + value score + churn scorecard + percentile tiering with
 * hysteresis) over a feature frame of 10M customers, against a plain single-threaded loop that
 * reads the same eleven columns once and writes one double per customer: the memory-bandwidth
 * floor of any nightly job over these arrays. Both run in the same JVM and the same run.
 *
 * <p>The tier state is the one left by a previous run over the same data, so the measured run is a
 * steady-state night (few changes), not the first night (every customer INITIAL).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class NightlyJobBenchmark {

    @Param({"10000000"})
    public int customers;

    private FeatureFrame frame;
    private double[][] columns;
    private double[] out;
    private NightlyJob job;
    private TierState state;

    @Setup(Level.Trial)
    public void setUp() {
        frame = SyntheticFrames.nightly(customers, 2026);
        columns = new double[SyntheticFrames.NIGHTLY_COLUMNS.length][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = frame.doubles(SyntheticFrames.NIGHTLY_COLUMNS[c]);
        }
        out = new double[customers];
        job = NightlyJob.ofDefaults();
        state = job.run(frame, TierState.empty(customers), List.of(), ProgressListener.none()).tiers().nextState();
    }

    @Benchmark
    public NightlyResult nightlyJob() {
        return job.run(frame, state, List.of(), ProgressListener.none());
    }

    /** Reads every input column once and writes one result per customer, in one thread. */
    @Benchmark
    public double[] plainLoop() {
        double[] c0 = columns[0];
        double[] c1 = columns[1];
        double[] c2 = columns[2];
        double[] c3 = columns[3];
        double[] c4 = columns[4];
        double[] c5 = columns[5];
        double[] c6 = columns[6];
        double[] c7 = columns[7];
        double[] c8 = columns[8];
        double[] c9 = columns[9];
        double[] c10 = columns[10];
        double[] o = out;
        for (int i = 0; i < o.length; i++) {
            o[i] = 0.5 * c0[i] + 0.25 * c1[i] + 1e-3 * c2[i] + 1e-6 * c3[i] + 1e-3 * c4[i] + 1e-4 * c5[i]
                    + 0.1 * c6[i] + 10 * c7[i] + 0.05 * c8[i] + 0.2 * c9[i] + 0.1 * c10[i];
        }
        return o;
    }
}
