package io.crmkit.benchmarks.clv;

import io.crmkit.analytics.clv.BgNbdModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BG/NBD maximum-likelihood fit, warm: on the CDNOW summary (2,357 customers) and on a
 * simulated population of 1,000,000. Each operation starts from the raw arrays, so validation,
 * copying and grouping by (x, t_x, T) are inside the measured time, then the full multi-start fit
 * with standard errors. Run: {@code java -jar benchmarks/target/benchmarks.jar clv.BgNbdFitBenchmark
 * -f 1 -wi 3 -i 5}. The scipy comparison in the same run is {@link ClvScipyComparison}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BgNbdFitBenchmark {

    private double[][] cdnow;
    private double[][] million;

    @Setup(Level.Trial)
    public void setUp() {
        cdnow = ClvData.cdnow();
        million = ClvData.simulated(1_000_000, 2026);
    }

    @Benchmark
    public BgNbdModel cdnow() {
        return BgNbdModel.fit(ClvData.summaries(cdnow));
    }

    @Benchmark
    public BgNbdModel simulatedMillion() {
        return BgNbdModel.fit(ClvData.summaries(million));
    }
}
