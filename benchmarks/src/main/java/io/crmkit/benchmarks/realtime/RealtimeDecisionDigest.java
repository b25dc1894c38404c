package io.crmkit.benchmarks.realtime;

import io.crmkit.core.signal.SignalEngine;

/**
 * The decisions the benchmark feed produces, as a count and an order-sensitive digest of (rule id,
 * event id), with the engine's stats: run it on two builds of the engine to check that a change
 * kept every decision. Uses only the public API and {@link RealtimeFeed}, so it compiles against
 * older builds too.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.realtime.RealtimeDecisionDigest [events]</pre>
 */
public final class RealtimeDecisionDigest {
    private RealtimeDecisionDigest() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000L;
        RealtimeFeed feed = new RealtimeFeed(1_000_000, 16);
        long[] digest = {0, 0};
        SignalEngine engine = SignalEngine.builder(d -> {
            digest[0] = digest[0] * 1_000_003L + d.rule().id().hashCode() * 31L + d.event().eventId().hashCode();
            digest[1]++;
        }).rules(RealtimeFeed.rules()).maxCustomers(1_000_000).build();
        for (long i = 0; i < events; i++) {
            engine.publish(feed.next());
        }
        System.out.printf("%d events: %d decisions, digest %016x%n%s%n", events, digest[1], digest[0], engine.stats());
        engine.close();
    }
}
