package io.crmkit.benchmarks.realtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.SignalEngine;

/**
 * Event-to-decision latency with an HDR histogram: the time {@code publish} takes in the caller's
 * thread, event by event, at full speed. Three runs in one JVM:
 * <ol>
 *   <li>baseline: build the event, find and lock the customer in a concurrent map (1M customers);
 *   <li>decide: 10 rules over 1M customers, decisions counted;
 *   <li>decide and write: 10 rules over 100k customers registered in the in-memory CRM, the alerts
 *       written by the engine's writer thread on the other core while publishing goes on.
 * </ol>
 *
 * <p>Run: {@code java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.realtime.LatencyRun [events]}
 */
public final class LatencyRun {
    private LatencyRun() {
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int million = 1_000_000;

        RealtimeFeed base = new RealtimeFeed(million, 16);
        ConcurrentHashMap<CustomerId, long[]> map = new ConcurrentHashMap<>(2 * million);
        for (CustomerId c : base.customers) {
            map.put(c, new long[1]);
        }
        Histogram hb = new Histogram(3_600_000_000_000L, 3);
        for (int round = 0; round < 2; round++) {
            hb.reset();
            long t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long s = System.nanoTime();
                HostEvent e = base.next();
                long[] slot = map.get(e.customerId());
                synchronized (slot) {
                    slot[0]++;
                }
                hb.recordValue(System.nanoTime() - s);
            }
            report(round == 0 ? "baseline (warm-up)" : "baseline: lookup and lock only, 1M customers", hb, events, System.nanoTime() - t0);
        }
        map = null;
        base = null;

        RealtimeFeed feed = new RealtimeFeed(million, 16);
        LongAdder decisions = new LongAdder();
        try (SignalEngine engine = SignalEngine.builder(d -> decisions.increment()).rules(RealtimeFeed.rules())
                .maxCustomers(million).build()) {
            for (int i = 0; i < 3 * million; i++) {
                engine.publish(feed.next());
            }
            System.out.printf("state: %d customers, %.0f bytes each%n", engine.stats().customers(),
                    (double) engine.stateBytes() / engine.stats().customers());
            Histogram h = measure(engine, feed, events);
            report("decide: 10 rules, 1M customers (" + decisions.sum() + " decisions so far)", h, events, lastElapsed);
        }
        feed = null;

        int registered = 100_000;
        Crm crm = Crm.builder().store(InMemoryCrmStore.create()).build();
        CrmSession rm = crm.as(Actor.staff(StaffId.of("rm-1"), OrgUnitId.of("br-1"), "RM"));
        CustomerId[] ids = new CustomerId[registered];
        for (int i = 0; i < registered; i++) {
            ids[i] = rm.customers().register(NewCustomer.individual("Customer " + i).owner(StaffId.of("rm-" + (i % 50)))
                    .active().build()).id();
        }
        RealtimeFeed small = new RealtimeFeed(registered, 17);
        System.arraycopy(ids, 0, small.customers, 0, registered);
        try (SignalEngine engine = SignalEngine.builder(crm).rules(RealtimeFeed.rules()).build()) {
            for (int i = 0; i < 3 * registered; i++) {
                engine.publish(small.next());
            }
            Histogram h = measure(engine, small, events);
            long elapsed = lastElapsed;
            engine.flush();
            report("decide and write to the in-memory CRM: 10 rules, 100k customers", h, events, elapsed);
            System.out.println("  " + engine.stats());
        }
    }

    private static long lastElapsed;

    private static Histogram measure(SignalEngine engine, RealtimeFeed feed, int events) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long s = System.nanoTime();
            engine.publish(feed.next());
            h.recordValue(System.nanoTime() - s);
        }
        lastElapsed = System.nanoTime() - t0;
        return h;
    }

    private static void report(String what, Histogram h, int events, long elapsedNanos) {
        System.out.printf("%s%n  %,.0f events/s; latency us: p50 %.2f  p99 %.2f  p99.9 %.2f  p99.99 %.2f  max %.1f%n", what,
                events / (elapsedNanos / 1e9), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3);
    }
}
