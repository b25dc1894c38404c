package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The signal engine decides exactly as the brute-force reference on seeded random feeds")
class SignalSemanticsTest {

    private record Run(List<Published> outcomes, List<Reference.Fired> fired) {}

    private static Run engine(List<Rule> rules, List<HostEvent> feed, List<CustomerId> seeded) {
        List<Reference.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        try (SignalEngine engine = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(rules).build()) {
            seeded.forEach(c -> engine.seedAssets(c, 400_000));
            List<Published> outcomes = new ArrayList<>();
            feed.forEach(e -> outcomes.add(engine.publish(e)));
            return new Run(outcomes, fired);
        }
    }

    private static Run reference(List<Rule> rules, List<HostEvent> feed, List<CustomerId> seeded) {
        Reference ref = new Reference(rules);
        seeded.forEach(c -> ref.seedAssets(c, 400_000));
        List<Published> outcomes = new ArrayList<>();
        feed.forEach(e -> outcomes.add(ref.publish(e)));
        return new Run(outcomes, ref.fired);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    @DisplayName("windows, baselines, dormancy, suppression, duplicates and late events: every outcome and decision agree")
    void agreesWithReference(long seed) {
        List<CustomerId> customers = Streams.customers(40);
        List<HostEvent> feed = Streams.feed(seed, customers, 20_000);
        List<CustomerId> seeded = customers.subList(0, 10);

        Run expected = reference(Streams.rules(), feed, seeded);
        Run actual = engine(Streams.rules(), feed, seeded);

        assertThat(actual.outcomes()).isEqualTo(expected.outcomes());
        assertThat(actual.fired()).isEqualTo(expected.fired());
        // the feed must exercise what it claims to: every rule fires, and replays and late events occur
        assertThat(expected.fired().stream().map(Reference.Fired::ruleId).distinct())
                .containsExactlyInAnyOrderElementsOf(Streams.rules().stream().map(Rule::id).toList());
        assertThat(expected.outcomes()).contains(Published.DUPLICATE, Published.LATE);
    }

    @Test
    @DisplayName("replaying the whole feed into the same engine creates no new decision")
    void replayCreatesNothing() {
        List<CustomerId> customers = Streams.customers(20);
        List<HostEvent> feed = Streams.feed(7, customers, 5_000);
        List<Reference.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        try (SignalEngine engine = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).build()) {
            feed.forEach(engine::publish);
            int first = fired.size();
            List<Published> again = feed.stream().map(engine::publish).toList();

            assertThat(first).isPositive();
            assertThat(fired).hasSize(first);
            assertThat(again).doesNotContain(Published.ACCEPTED);
        }
    }

    @Test
    @DisplayName("a checkpoint restored mid-feed, with an overlapping replay, decides exactly what an uninterrupted run decides")
    void checkpointMidFeed() {
        List<CustomerId> customers = Streams.customers(30);
        List<HostEvent> feed = Streams.feed(11, customers, 12_000);
        Run whole = engine(Streams.rules(), feed, List.of());

        int cut = 6_000;
        int replayFrom = 5_200; // the position noted before the checkpoint
        List<Reference.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        java.io.ByteArrayOutputStream checkpoint = new java.io.ByteArrayOutputStream();
        try (SignalEngine first = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).build()) {
            feed.subList(0, cut).forEach(first::publish);
            first.checkpoint(checkpoint);
        }
        try (SignalEngine second = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).restore(new java.io.ByteArrayInputStream(checkpoint.toByteArray())).build()) {
            List<Published> overlap = feed.subList(replayFrom, cut).stream().map(second::publish).toList();
            feed.subList(cut, feed.size()).forEach(second::publish);

            assertThat(overlap).doesNotContain(Published.ACCEPTED);
            assertThat(second.stats().customers()).isEqualTo(30);
        }
        assertThat(fired).isEqualTo(whole.fired());
    }

    @Test
    @DisplayName("a checkpoint in format 1 (taken before the rings moved into one slab per kind) restores and decides as an uninterrupted run")
    void readsCheckpointFormat1() throws Exception {
        // checkpoint-v1.bin: format 1, written by the engine of 2026-12-01 after the first 6,000 events of this feed
        List<CustomerId> customers = Streams.customers(30);
        List<HostEvent> feed = Streams.feed(11, customers, 12_000);
        int cut = 6_000;
        Run whole = engine(Streams.rules(), feed, List.of());
        Run head = engine(Streams.rules(), feed.subList(0, cut), List.of());
        List<Reference.Fired> expected = whole.fired().subList(head.fired().size(), whole.fired().size());
        byte[] v1;
        try (java.io.InputStream in = getClass().getResourceAsStream("checkpoint-v1.bin")) {
            v1 = in.readAllBytes();
        }
        assertThat(java.nio.ByteBuffer.wrap(v1, 8, 4).getInt()).as("format").isEqualTo(1);

        List<Reference.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        try (SignalEngine restored = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).restore(new java.io.ByteArrayInputStream(v1)).build()) {
            assertThat(feed.subList(5_000, cut).stream().map(restored::publish)).doesNotContain(Published.ACCEPTED);
            feed.subList(cut, 9_000).forEach(restored::publish);
            restored.checkpoint(again); // written in the current format, read back below
        }
        try (SignalEngine second = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).restore(new java.io.ByteArrayInputStream(again.toByteArray())).build()) {
            feed.subList(9_000, feed.size()).forEach(second::publish);
        }
        assertThat(expected).isNotEmpty();
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    @DisplayName("a checkpoint in format 2 from the engine before the rings' masks is what this engine writes, and restores as an uninterrupted run")
    void readsAndWritesCheckpointFormat2() throws Exception {
        // checkpoint-v2.bin: format 2, written by the engine of 2026-12-02 (rings cleared eagerly, no
        // mask) after the first 6,000 events of this feed
        List<CustomerId> customers = Streams.customers(30);
        List<HostEvent> feed = Streams.feed(11, customers, 12_000);
        int cut = 6_000;
        byte[] v2;
        try (java.io.InputStream in = getClass().getResourceAsStream("checkpoint-v2.bin")) {
            v2 = in.readAllBytes();
        }
        java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
        try (SignalEngine head = SignalEngine.builder(d -> { }).rules(Streams.rules()).build()) {
            feed.subList(0, cut).forEach(head::publish);
            head.checkpoint(now);
        }
        assertThat(now.toByteArray()).as("the same state, written by this engine").isEqualTo(v2);

        Run whole = engine(Streams.rules(), feed, List.of());
        Run first = engine(Streams.rules(), feed.subList(0, cut), List.of());
        List<Reference.Fired> expected = whole.fired().subList(first.fired().size(), whole.fired().size());
        List<Reference.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        try (SignalEngine restored = SignalEngine.builder(d -> fired.add(new Reference.Fired(d.rule().id(), d.event().eventId())))
                .rules(Streams.rules()).restore(new java.io.ByteArrayInputStream(v2)).build()) {
            feed.subList(cut, feed.size()).forEach(restored::publish);
        }
        assertThat(expected).isNotEmpty();
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    @DisplayName("eight threads publishing disjoint customers decide the same set as one thread, each customer in order")
    void concurrentPublishers() throws Exception {
        List<CustomerId> customers = Streams.customers(64);
        List<HostEvent> feed = Streams.feed(5, customers, 40_000);
        Run single = engine(Streams.rules(), feed, List.of());
        ConcurrentHashMap<CustomerId, List<String>> perCustomer = new ConcurrentHashMap<>();
        try (SignalEngine engine = SignalEngine.builder(d -> perCustomer
                .computeIfAbsent(d.event().customerId(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(d.rule().id() + "/" + d.event().eventId())).rules(Streams.rules()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int lane = t;
                pool.submit(() -> feed.stream().filter(e -> Math.floorMod(e.customerId().hashCode(), 8) == lane)
                        .forEach(engine::publish));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        java.util.Map<String, CustomerId> customerOf = new java.util.HashMap<>();
        feed.forEach(e -> customerOf.put(e.eventId(), e.customerId()));
        for (CustomerId c : customers) {
            List<String> expected = single.fired().stream().filter(f -> customerOf.get(f.eventId()).equals(c))
                    .map(f -> f.ruleId() + "/" + f.eventId()).toList();
            assertThat(perCustomer.getOrDefault(c, List.of())).as("customer %s", c).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a checkpoint refuses to restore into an engine with other rules")
    void checkpointNeedsSameRules() {
        java.io.ByteArrayOutputStream checkpoint = new java.io.ByteArrayOutputStream();
        try (SignalEngine first = SignalEngine.builder(d -> { }).rules(Streams.rules()).build()) {
            first.publish(HostEvent.login("x1", CustomerId.of("c-1"), Streams.START));
            first.checkpoint(checkpoint);
        }
        SignalEngine.Builder other = SignalEngine.builder(d -> { })
                .rule(Rule.parse("only", "login.count(1d) >= 2"))
                .restore(new java.io.ByteArrayInputStream(checkpoint.toByteArray()));
        org.assertj.core.api.Assertions.assertThatThrownBy(other::build)
                .isInstanceOf(io.crmkit.core.error.ValidationException.class).hasMessageContaining("other rules");
    }
}
