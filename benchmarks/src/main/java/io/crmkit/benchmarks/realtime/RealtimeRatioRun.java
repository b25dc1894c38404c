package io.crmkit.benchmarks.realtime;

import static io.crmkit.benchmarks.Stats.median;
import static io.crmkit.benchmarks.Stats.quantile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.SignalEngine;

/**
 * {@link SignalEngineBenchmark}'s two sides measured side by side: the same feed and 10 rules over
 * 1M customers, then rounds that time a batch of {@code publish} calls and a batch of the
 * baseline (build the event, find and lock the customer in a 1M concurrent map) back to back, their
 * order alternating. A machine shared with other work slows both batches of a round alike, so the
 * median of the per-round ratios is the figure to trust. Each batch also reads the thread's CPU
 * time, so the events per CPU second say what one core would do if this thread had it to itself.
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.realtime.RealtimeRatioRun [rounds] [batch]</pre>
 */
public final class RealtimeRatioRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RealtimeRatioRun() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int million = 1_000_000;
        System.out.println("load average at start: " + load());

        RealtimeFeed feed = new RealtimeFeed(million, 16);
        LongAdder decisions = new LongAdder();
        SignalEngine engine = SignalEngine.builder(d -> decisions.increment()).rules(RealtimeFeed.rules())
                .maxCustomers(million).build();
        for (int i = 0; i < 3 * million; i++) { // every customer has state before measuring
            engine.publish(feed.next());
        }
        RealtimeFeed baseFeed = new RealtimeFeed(million, 16);
        ConcurrentHashMap<CustomerId, long[]> map = new ConcurrentHashMap<>(2 * million);
        for (CustomerId c : baseFeed.customers) {
            map.put(c, new long[1]);
        }
        Side publish = new Side(rounds, () -> engine.publish(feed.next()));
        Side baseline = new Side(rounds, () -> {
            HostEvent e = baseFeed.next();
            long[] slot = map.get(e.customerId());
            synchronized (slot) {
                slot[0]++;
            }
        });
        for (int r = 0; r < 5; r++) { // warm-up rounds, not counted
            publish.time(batch, -1);
            baseline.time(batch, -1);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                publish.time(batch, r);
                baseline.time(batch, r);
            } else {
                baseline.time(batch, r);
                publish.time(batch, r);
            }
            ratios[r] = baseline.wall[r] / publish.wall[r]; // events/s of publish over events/s of the baseline
        }
        System.out.printf(Locale.ROOT, "state: %d customers, %.0f bytes each; %d decisions%n", engine.stats().customers(),
                (double) engine.stateBytes() / engine.stats().customers(), decisions.sum());
        System.out.printf(Locale.ROOT, "publish / baseline events per second: median ratio %.2fx (quartiles %.2f-%.2f) over %d rounds of %,d events%n",
                median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75), rounds, batch);
        publish.report("publish: 10 rules, 1M customers");
        baseline.report("baseline: event + lookup + lock, 1M customers");
        System.out.println("load average at end: " + load());
        engine.close();
    }

    /** One side's batches: wall and CPU nanoseconds per event, round by round. */
    private static final class Side {
        final Runnable op;
        final double[] wall;
        final double[] cpu;

        Side(int rounds, Runnable op) {
            this.op = op;
            this.wall = new double[rounds];
            this.cpu = new double[rounds];
        }

        void time(int n, int round) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                op.run();
            }
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            if (round >= 0) {
                wall[round] = (double) (t1 - t0) / n;
                cpu[round] = (double) (c1 - c0) / n;
            }
        }

        void report(String what) {
            double w = median(wall);
            double c = median(cpu);
            System.out.printf(Locale.ROOT, "%s: wall %.0f ns/event (%,.0f events/s, quartiles %,.0f-%,.0f); "
                    + "thread CPU %.0f ns/event (%,.0f events per CPU second); CPU share %.0f%%%n", what, w, 1e9 / w,
                    1e9 / quantile(wall, 0.75), 1e9 / quantile(wall, 0.25), c, 1e9 / c, 100 * c / w);
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
