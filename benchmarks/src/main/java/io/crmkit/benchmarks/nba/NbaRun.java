package io.crmkit.benchmarks.nba;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.nba.ContactGate;
import io.crmkit.analytics.nba.NbaContext;
import io.crmkit.analytics.nba.NbaResult;
import io.crmkit.analytics.nba.NextBestAction;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;

/**
 * The comparison of {@link NbaBenchmark} with the baseline interleaved: each round runs the engine
 * once and the plain loop once, in one JVM, and prints wall time, the process's CPU time (the
 * engine runs on worker threads) and the load average; at the end the median of the per-round
 * ratios and the best and median absolute times.
 *
 * <p>{@code java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * io.crmkit.benchmarks.nba.NbaRun [customers=10000000] [rounds=7]}.
 */
public final class NbaRun {

    private NbaRun() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        FeatureFrame frame = NbaBenchmark.frame(customers, 2026);
        NextBestAction engine = NbaBenchmark.engine(ContactGate.allowAll());
        NbaContext context = NbaContext.of(Map.of("P03", 1.5, "P11", 0.0));
        NbaBenchmark loop = new NbaBenchmark();
        loop.customers = customers;
        loop.gate = "allowAll";
        loop.setUp();
        long[] engineNs = new long[rounds];
        long[] loopNs = new long[rounds];
        long[] engineCpu = new long[rounds];
        double[] ratios = new double[rounds];
        long sink = 0;
        for (int r = -1; r < rounds; r++) {   // round -1 warms up
            long c0 = cpu();
            long t0 = System.nanoTime();
            NbaResult res = engine.run(frame, context, ProgressListener.none());
            long t1 = System.nanoTime();
            long c1 = cpu();
            byte[] best = loop.plainLoop();
            long t2 = System.nanoTime();
            sink += res.size() + best[customers / 2];
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("round %d: engine %.0f ms wall, %.0f ms CPU (all threads); plain loop %.0f ms; ratio %.2f;"
                    + " load %.1f%n", r, (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6,
                    (double) (t1 - t0) / (t2 - t1), load);
            if (r >= 0) {
                engineNs[r] = t1 - t0;
                loopNs[r] = t2 - t1;
                engineCpu[r] = c1 - c0;
                ratios[r] = (double) (t1 - t0) / (t2 - t1);
            }
        }
        Arrays.sort(engineNs);
        Arrays.sort(loopNs);
        Arrays.sort(engineCpu);
        Arrays.sort(ratios);
        System.out.printf("engine best %.0f ms, median %.0f ms (CPU median %.0f ms); plain loop best %.0f ms, median"
                + " %.0f ms; median per-round ratio %.2f (quartiles %.2f-%.2f) [%d]%n", engineNs[0] / 1e6,
                engineNs[rounds / 2] / 1e6, engineCpu[rounds / 2] / 1e6, loopNs[0] / 1e6, loopNs[rounds / 2] / 1e6,
                ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], sink % 10);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
