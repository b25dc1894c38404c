package io.crmkit.benchmarks.campaign;

import io.crmkit.core.info.PushPlan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The morning-note plan against its baselines measured side by side: the fixture of
 * {@link MorningNoteBenchmark} (1M subscribers, 1.2M subscriptions), then rounds that time one
 * {@code plan} and one {@code plainLoop} back to back, their order alternating (and one
 * {@code arrayLoop}). Each call is reported as wall time and as the CPU time of the calling thread
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}): on a shared machine the wall time is what the host
 * waits, the CPU time what the job costs when it has a core to itself. The median of the per-round
 * wall-time ratios is the figure to compare across runs.
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.campaign.MorningNoteRatioRun [rounds]</pre>
 */
public final class MorningNoteRatioRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static PushPlan last;

    private MorningNoteRatioRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MorningNoteBenchmark b = new MorningNoteBenchmark();
        b.subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long setUp = System.nanoTime();
        long setUpCpu = THREADS.getCurrentThreadCpuTime();
        b.setUp();
        System.out.printf(Locale.ROOT, "set-up %.0f s wall / %.0f s thread cpu (load %s); warming up%n",
                (System.nanoTime() - setUp) / 1e9, (THREADS.getCurrentThreadCpuTime() - setUpCpu) / 1e9, load());
        Supplier<PushPlan> planning = () -> {
            PushPlan p = b.plan();
            last = p;
            return p;
        };
        time(planning);
        time(b::plainLoop);
        double[] ratios = new double[rounds];
        double[][] plan = new double[rounds][];
        double[][] plain = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                plan[r] = time(planning);
                plain[r] = time(b::plainLoop);
            } else {
                plain[r] = time(b::plainLoop);
                plan[r] = time(planning);
            }
            if (!last.equals(b.expected())) { // outside the timing: every round decides exactly the same pushes
                throw new IllegalStateException("round " + r + ": the plan differs from the set-up's");
            }
            double[] array = time(b::arrayLoop);
            ratios[r] = plan[r][0] / plain[r][0];
            System.out.printf(Locale.ROOT, "round %d: plan %.2f s wall / %.2f s cpu; plainLoop %.2f s / %.2f s; arrayLoop %.2f s / %.2f s;"
                    + " ratio %.2fx; load %s%n", r, plan[r][0], plan[r][1], plain[r][0], plain[r][1], array[0], array[1],
                    ratios[r], load());
        }
        System.out.printf(Locale.ROOT, "plan / plainLoop: median ratio %.2fx (min %.2f, max %.2f) over %d rounds;"
                + " plan median %.2f s wall, %.2f s thread cpu; plainLoop median %.2f s wall, %.2f s thread cpu%n",
                median(ratios), min(ratios), max(ratios), rounds, median(column(plan, 0)), median(column(plan, 1)),
                median(column(plain, 0)), median(column(plain, 1)));
    }

    /** Wall and thread CPU seconds of one call. */
    private static double[] time(Supplier<?> op) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Object sink = op.get();
        long wall = System.nanoTime() - start;
        long used = THREADS.getCurrentThreadCpuTime() - cpu;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return new double[] {wall / 1e9, used / 1e9};
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.1f", l);
    }

    private static double[] column(double[][] rows, int i) {
        return Arrays.stream(rows).mapToDouble(r -> r[i]).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
