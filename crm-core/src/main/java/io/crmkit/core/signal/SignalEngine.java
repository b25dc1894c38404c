package io.crmkit.core.signal;

import io.crmkit.core.Crm;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The real-time engine: the host publishes its events, the engine decides in the caller's thread
 * which rules fire, and writes the actions (alert, task, interaction, lifecycle hint, customer
 * notice) asynchronously in batches.
 *
 * <pre>{@code
 * SignalEngine engine = SignalEngine.builder(crm)
 *         .rule(Rule.parse("large-withdrawal", "withdrawal.sum(7d) >= 0.5 * assets").withSeverity(AlertSeverity.HIGH))
 *         .rule(Rule.parse("brute-force", "failed_login.count(10m) >= 3").withSuppression(Duration.ofHours(1)))
 *         .build();
 * engine.publish(HostEvent.withdrawal("wd-881", customerId, accountId, Instant.now(), 600_000));
 * }</pre>
 *
 * <p><b>Semantics</b> (what the tests check against a brute-force reference):
 * <ul>
 *   <li>Per-customer order: one customer's events are decided one at a time, in publishing order.
 *       An event older than the customer's latest accepted event is {@link Published#LATE} and an
 *       event whose id was already accepted at that latest instant is {@link Published#DUPLICATE};
 *       both change nothing. So replaying a feed, or part of it, creates nothing new.
 *   <li>Windows are bucketed by event time: a window {@code W} on bucket size {@code B} (the smallest
 *       of 1s, 5s, 10s, 15s, 30s, 1m, 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h, 1d, 2d, 3d, 7d, 14d, 30d
 *       giving at most 48 buckets) holds the events in the current bucket and the {@code ceil(W/B) - 1}
 *       buckets before it; {@code avg} is the window's sum per day of span ({@code sum * 1d / (n * B)}).
 *   <li>{@code assets} is the sum of the latest balance snapshot of each account (at most 32), or a
 *       seeded baseline until the first snapshot; NaN before either.
 *   <li>A rule is evaluated on each accepted event of a kind it mentions, after the event is in the
 *       state. It fires unless it fired for the customer less than its suppression window before.
 *   <li>Alert ids are derived from rule, customer and event, and a decision whose alert exists writes
 *       nothing: decisions are idempotent end to end.
 * </ul>
 *
 * <p><b>Footprint</b>: per customer one record of longs fixed by the rules — a header, a time per
 * mentioned kind and per rule, and per kind a ring per bucket size (at most 48 buckets of 8 to 24
 * bytes) — plus the ids at the latest instant beyond the first and the accounts' latest balances,
 * whatever the event rate; no object per customer. At most {@code maxCustomers} customers (further
 * new customers are {@link Published#OVER_CAPACITY}).
 *
 * <p><b>Restart</b>: {@link #checkpoint} writes every customer's state and the decisions not yet
 * written; a builder given {@link Builder#restore} continues from it. Note the feed position
 * <em>before</em> calling {@code checkpoint} and replay from there after the restart: events the
 * checkpoint already holds come back LATE or DUPLICATE, so the alerts are exactly those of an
 * uninterrupted run. Without a checkpoint, seed baselines ({@link #seedAssets},
 * {@link #seedAssetsFromStore}, {@link #seedLastEvent}) and replay the feed over the longest window:
 * alerts already in the store are not written again.
 *
 * <p><b>Back-pressure</b>: decisions go through a bounded queue; when it is full, {@link Overflow#BLOCK}
 * (default) makes {@code publish} wait, {@link Overflow#DROP} drops and counts.
 *
 * <p>Thread-safe. Close it to write what is queued and stop the writer.
 */
public final class SignalEngine implements AutoCloseable {
    private final Kernel kernel;
    private final DecisionSink sink;
    private final @Nullable CrmActions actions;
    private final @Nullable Crm crm;

    private SignalEngine(Kernel kernel, DecisionSink sink, @Nullable CrmActions actions, @Nullable Crm crm) {
        this.kernel = kernel;
        this.sink = sink;
        this.actions = actions;
        this.crm = crm;
    }

    /** An engine that writes its actions through {@code crm}. */
    public static Builder builder(Crm crm) {
        return new Builder(Check.notNull(crm, "crm"), null);
    }

    /** An engine that only decides, handing every decision to {@code sink} (the host writes, or counts). */
    public static Builder builder(DecisionSink sink) {
        return new Builder(null, Check.notNull(sink, "sink"));
    }

    /**
     * Decides on one event in the caller's thread; what the rules fire goes to the writer queue.
     *
     * @throws ValidationException if {@code event} is null
     */
    public Published publish(HostEvent event) {
        Check.notNull(event, "event");
        return kernel.decide(event, sink);
    }

    /** Sets the customer's {@code assets} baseline until their first balance snapshot event. */
    public void seedAssets(CustomerId customer, double assets) {
        Check.notNull(customer, "customer");
        Check.that(Double.isFinite(assets) && assets >= 0 && assets <= 1e15, "assets", "Range",
                "must be between 0 and 10^15");
        kernel.seedAssets(customer, assets);
    }

    /**
     * Seeds {@code assets} from the store: the sum of the customer's accounts' latest snapshots on or
     * before {@code asOf} (amounts taken as the reporting currency). Does nothing if there are none.
     *
     * @throws ValidationException if the engine was built without a Crm
     */
    public void seedAssetsFromStore(CustomerId customer, LocalDate asOf) {
        Check.notNull(customer, "customer");
        Check.notNull(asOf, "asOf");
        if (crm == null) {
            throw ValidationException.of("crm", "Configured", "the engine was built without a Crm to read from");
        }
        java.util.Map<?, AccountSnapshot> latest = crm.store().accounts().latestSnapshots(customer, asOf);
        if (!latest.isEmpty()) {
            double total = latest.values().stream().mapToDouble(s -> s.totalValue().amount().doubleValue()).sum();
            kernel.seedAssets(customer, Math.min(total, 1e15));
        }
    }

    /** Seeds the time of the customer's latest event of {@code kind} (for dormancy rules), if later than known. */
    public void seedLastEvent(CustomerId customer, EventKind kind, Instant at) {
        Check.notNull(customer, "customer");
        Check.notNull(kind, "kind");
        Check.notNull(at, "at");
        kernel.seedLast(customer, kind, at.toEpochMilli());
    }

    /**
     * Writes the state of every customer and the decisions not yet written to {@code out} (not closed).
     * Publishing may go on meanwhile; see the class comment for where to replay from.
     *
     * @throws StoreException if writing fails
     */
    public void checkpoint(OutputStream out) {
        Check.notNull(out, "out");
        try {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            List<Decision> pending = new ArrayList<>(actions != null ? actions.pending() : List.of());
            Checkpoints.write(kernel, pending, data);
            data.flush();
        } catch (IOException e) {
            throw new StoreException("could not write the checkpoint: " + e.getClass().getSimpleName(), true, e);
        }
    }

    /** Waits until every decision taken so far has been written (or has failed). */
    public void flush() {
        if (actions != null) {
            actions.flush();
        }
    }

    public SignalStats stats() {
        CrmActions a = actions;
        long accepted = 0;
        long duplicates = 0;
        long late = 0;
        long fired = 0;
        long suppressed = 0;
        for (Segment seg : kernel.segments) {
            synchronized (seg) {
                accepted += seg.accepted;
                duplicates += seg.duplicates;
                late += seg.late;
                fired += seg.fired;
                suppressed += seg.suppressed;
            }
        }
        return new SignalStats(accepted, duplicates, late, kernel.overCapacity.sum(), fired, suppressed,
                a == null ? 0 : a.written.sum(), a == null ? 0 : a.alreadyPresent.sum(), a == null ? 0 : a.failed.sum(),
                a == null ? 0 : a.dropped.sum(), a == null ? 0 : a.queued(), kernel.customers());
    }

    /** Approximate heap bytes of all customer state (walks every customer: for reports, not hot paths). */
    public long stateBytes() {
        long total = 0;
        for (Segment seg : kernel.segments) {
            synchronized (seg) {
                total += seg.bytes();
            }
        }
        return total;
    }

    /** The rules, in evaluation order. */
    public List<Rule> rules() {
        return kernel.set.rules;
    }

    /** Writes what is queued, then stops the writer. Publishing afterwards is not allowed. */
    @Override
    public void close() {
        if (actions != null) {
            actions.close();
        }
    }

    /** Configures a {@link SignalEngine}. Each setter checks its argument; not thread-safe. */
    public static final class Builder {
        private final @Nullable Crm crm;
        private final @Nullable DecisionSink sink;
        private final List<Rule> rules = new ArrayList<>();
        private final List<SignalListener> listeners = new ArrayList<>();
        private int queueCapacity = 65_536;
        private int batchSize = 256;
        private Overflow overflow = Overflow.BLOCK;
        private int maxCustomers = 10_000_000;
        private ContactGate gate = ContactGate.allowAll();
        private @Nullable CustomerNotices notices;
        private Actor actor = Actor.system("realtime-signals");
        private @Nullable InputStream restore;

        private Builder(@Nullable Crm crm, @Nullable DecisionSink sink) {
            this.crm = crm;
            this.sink = sink;
        }

        public Builder rule(Rule value) { rules.add(Check.notNull(value, "rule")); return this; }

        public Builder rules(Collection<Rule> values) { Check.notNull(values, "rules").forEach(this::rule); return this; }

        /** Decisions waiting to be written, 1 to 1,048,576; default 65,536. */
        public Builder queueCapacity(int value) { queueCapacity = Check.range(value, 1, 1 << 20, "queueCapacity"); return this; }

        /** Decisions written per transaction, 1 to 10,000; default 256. */
        public Builder batchSize(int value) { batchSize = Check.range(value, 1, 10_000, "batchSize"); return this; }

        /** What a full queue does; default {@link Overflow#BLOCK}. */
        public Builder overflow(Overflow value) { overflow = Check.notNull(value, "overflow"); return this; }

        /** Customers the engine keeps state for, 1 to 100,000,000; default 10,000,000. */
        public Builder maxCustomers(int value) { maxCustomers = Check.range(value, 1, 100_000_000, "maxCustomers"); return this; }

        /** Adds a listener told of every alert written. */
        public Builder listener(SignalListener value) { listeners.add(Check.notNull(value, "listener")); return this; }

        /** The gate customer notices pass; default {@link ContactGate#allowAll()}. */
        public Builder contactGate(ContactGate value) { gate = Check.notNull(value, "contactGate"); return this; }

        /** Where customer notices go; required if a rule has a notice template. */
        public Builder customerNotices(CustomerNotices value) { notices = Check.notNull(value, "customerNotices"); return this; }

        /** Who the writes are recorded as; default the system actor {@code realtime-signals}. */
        public Builder actor(Actor value) { actor = Check.notNull(value, "actor"); return this; }

        /** Continue from a checkpoint taken by an engine with the same rules (read at build, not closed). */
        public Builder restore(InputStream checkpoint) { restore = Check.notNull(checkpoint, "checkpoint"); return this; }

        /**
         * @throws ValidationException if there are no rules, duplicate ids, a notice template without
         *     {@link #customerNotices}, or a checkpoint that does not fit
         */
        public SignalEngine build() {
            RuleSet set = new RuleSet(rules);
            if (notices == null && rules.stream().anyMatch(r -> r.customerNotice() != null)) {
                throw ValidationException.of("customerNotices", "Configured",
                        "a rule sends customer notices but no CustomerNotices is configured");
            }
            Kernel kernel = new Kernel(set, maxCustomers);
            List<Decision> pending = List.of();
            if (restore != null) {
                try {
                    pending = Checkpoints.read(kernel, new DataInputStream(new BufferedInputStream(restore, 1 << 16)));
                } catch (IOException | java.time.DateTimeException | IllegalArgumentException e) {
                    // a truncated or foreign stream: say so in the library's terms, not the JDK's
                    throw ValidationException.of("checkpoint", "Format", "could not be read ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
            CrmActions actions = null;
            DecisionSink out = sink;
            if (crm != null) {
                CustomerNotices n = notices != null ? notices : (alert, template) -> { };
                actions = new CrmActions(crm, actor, queueCapacity, overflow, batchSize, listeners, gate, n);
                out = actions;
            }
            for (Decision d : pending) {
                out.accept(d);
            }
            return new SignalEngine(kernel, out, actions, crm);
        }
    }
}
