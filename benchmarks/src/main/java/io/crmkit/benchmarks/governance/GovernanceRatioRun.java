package io.crmkit.benchmarks.governance;

import static io.crmkit.benchmarks.Stats.median;
import static io.crmkit.benchmarks.Stats.quantile;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The governance ratios with both sides measured side by side: the same fixture as
 * {@link GovernanceBenchmark} (1M customers, a branch manager of one of four branches), then
 * rounds that time a batch of scoped pages and a batch of unscoped pages back to back (their order
 * alternating), and likewise audited and unaudited writes. A machine shared with other work slows
 * both batches of a round alike, so the median of the per-round ratios is the figure to trust; the
 * JMH benchmark measures each side in its own time window and gives absolute times.
 *
 * <p>On PostgreSQL the run ends by counting the statements per audited and per plain write
 * (Hibernate statistics, which both sides pay alike; every batch counts once).
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.governance.GovernanceRatioRun memory|postgres [rounds [customers]]</pre>
 */
public final class GovernanceRatioRun {
    private GovernanceRatioRun() {
    }

    public static void main(String[] args) throws Exception {
        GovernanceBenchmark b = new GovernanceBenchmark();
        b.store = args.length > 0 ? args[0] : "memory";
        b.customers = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        boolean memory = b.store.equals("memory");
        b.statistics = !memory;
        b.setUp();
        try {
            compare("scoped page / unscoped page", b::scopedPage, b::unscopedPage, memory ? 2_000 : 100, rounds);
            compare("write with audit / without", b::writeWithAudit, b::writeWithoutAudit, memory ? 2_000 : 100, rounds);
            if (!memory) {
                System.out.printf(Locale.ROOT, "statements per write (get + update): audited %.2f, plain %.2f%n",
                        statements(b, b::writeWithAudit), statements(b, b::writeWithoutAudit));
            }
        } finally {
            b.tearDown();
        }
    }

    private static void compare(String name, Supplier<?> a, Supplier<?> base, int batch, int rounds) {
        for (int i = 0; i < 5; i++) { // warm-up rounds, not counted
            time(a, batch);
            time(base, batch);
        }
        double[] ratios = new double[rounds];
        double[] as = new double[rounds];
        double[] bs = new double[rounds];
        double[] cpuRatios = new double[rounds];
        double[] cpuAs = new double[rounds];
        double[] cpuBs = new double[rounds];
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int r = 0; r < rounds; r++) {
            double[] ta;
            double[] tb;
            if (r % 2 == 0) {
                ta = time(a, batch);
                tb = time(base, batch);
            } else {
                tb = time(base, batch);
                ta = time(a, batch);
            }
            as[r] = ta[0];
            bs[r] = tb[0];
            ratios[r] = ta[0] / tb[0];
            cpuAs[r] = ta[1];
            cpuBs[r] = tb[1];
            cpuRatios[r] = ta[1] / tb[1];
        }
        System.out.printf(Locale.ROOT, "%s: median ratio %.2fx (quartiles %.2f-%.2f) over %d rounds; median %.1f us vs %.1f us per call%n",
                name, median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75), rounds, median(as), median(bs));
        System.out.printf(Locale.ROOT, "  thread CPU: median ratio %.2fx (quartiles %.2f-%.2f); median %.1f us vs %.1f us; load %.1f to %.1f%n",
                median(cpuRatios), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75), median(cpuAs), median(cpuBs), loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Statements prepared per call of {@code op}, over 200 calls. */
    private static double statements(GovernanceBenchmark b, Supplier<?> op) {
        org.hibernate.stat.Statistics stats = b.jpaStore.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        long before = stats.getPrepareStatementCount();
        int n = 200;
        for (int i = 0; i < n; i++) {
            op.get();
        }
        return (double) (stats.getPrepareStatementCount() - before) / n;
    }

    /** Wall and this thread's CPU time per call, in microseconds. */
    private static double[] time(Supplier<?> op, int n) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Object sink = null;
        for (int i = 0; i < n; i++) {
            sink = op.get();
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return new double[] {(System.nanoTime() - start) / 1e3 / n, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n};
    }
}
