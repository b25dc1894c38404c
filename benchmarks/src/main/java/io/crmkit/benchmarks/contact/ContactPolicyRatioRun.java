package io.crmkit.benchmarks.contact;

import static io.crmkit.benchmarks.Stats.median;
import static io.crmkit.benchmarks.Stats.quantile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Contact-policy decisions at 1M customers with their baseline measured side by side: the fixture
 * of {@link ContactPolicyBenchmark}, then rounds that time a batch of decisions and a batch of
 * HashMap consent lookups back to back (their order alternating). A machine shared with other work
 * slows both batches of a round alike, so the median of the per-round ratios is the figure to
 * trust. Each batch is timed by the wall clock and by the thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}); the CPU time per decision is what it would take
 * with a core to itself (less what preemption costs the caches), the wall time what it took here.
 *
 * <pre>java -Xmx4g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.contact.ContactPolicyRatioRun [rounds]</pre>
 */
public final class ContactPolicyRatioRun {
    private static final int BATCH = 200_000;

    private ContactPolicyRatioRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ContactPolicyBenchmark b = new ContactPolicyBenchmark();
        b.customers = 1 << 20;
        b.setUp();
        int[] mix = b.mix();
        System.out.printf(Locale.ROOT, "%d customers; one pass decides allow %d, deny %d, defer %d%n", b.customers, mix[0],
                mix[1], mix[2]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Supplier<Object> decide = b::decide;
        Supplier<Object> lookup = b::hashMapConsentLookup;
        for (int i = 0; i < 10; i++) { // warm-up rounds, not counted
            time(mx, decide);
            time(mx, lookup);
        }
        double[] wallA = new double[rounds];
        double[] wallB = new double[rounds];
        double[] cpuA = new double[rounds];
        double[] cpuB = new double[rounds];
        double[] wallRatio = new double[rounds];
        double[] cpuRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] a;
            double[] base;
            if (r % 2 == 0) {
                a = time(mx, decide);
                base = time(mx, lookup);
            } else {
                base = time(mx, lookup);
                a = time(mx, decide);
            }
            wallA[r] = a[0];
            cpuA[r] = a[1];
            wallB[r] = base[0];
            cpuB[r] = base[1];
            wallRatio[r] = a[0] / base[0];
            cpuRatio[r] = a[1] / base[1];
        }
        System.out.printf(Locale.ROOT, "decision / HashMap consent lookup over %d rounds of %d calls each:%n", rounds, BATCH);
        System.out.printf(Locale.ROOT, "  wall: median ratio %.2fx (quartiles %.2f-%.2f); median %.0f ns vs %.0f ns per call"
                + " (quartiles %.0f-%.0f ns per decision)%n", median(wallRatio), quantile(wallRatio, 0.25),
                quantile(wallRatio, 0.75), median(wallA), median(wallB), quantile(wallA, 0.25), quantile(wallA, 0.75));
        System.out.printf(Locale.ROOT, "  cpu:  median ratio %.2fx (quartiles %.2f-%.2f); median %.0f ns vs %.0f ns per call"
                + " (quartiles %.0f-%.0f ns per decision)%n", median(cpuRatio), quantile(cpuRatio, 0.25),
                quantile(cpuRatio, 0.75), median(cpuA), median(cpuB), quantile(cpuA, 0.25), quantile(cpuA, 0.75));
    }

    /** Wall and CPU nanoseconds per call over one batch. */
    private static double[] time(ThreadMXBean mx, Supplier<Object> op) {
        long cpu = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Object sink = null;
        int nonNull = 0;
        for (int i = 0; i < BATCH; i++) {
            sink = op.get();
            nonNull += sink == null ? 0 : 1;
        }
        long wall = System.nanoTime() - start;
        long used = mx.getCurrentThreadCpuTime() - cpu;
        if (nonNull != BATCH) {
            throw new IllegalStateException("a call answered null");
        }
        return new double[] {(double) wall / BATCH, (double) used / BATCH};
    }
}
