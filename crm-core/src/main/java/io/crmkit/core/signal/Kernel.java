package io.crmkit.core.signal;

import io.crmkit.core.customer.CustomerId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The deciding part of the engine, free of I/O: per-customer state in a concurrent map, each
 * customer's events decided one at a time under its state's monitor, decisions handed to the sink
 * while that monitor is held (so a sink sees one customer's decisions in event order).
 * Thread-safe.
 */
final class Kernel {
    final RuleSet set;
    final ConcurrentHashMap<CustomerId, CustomerState> states;
    private final int maxCustomers;
    private final AtomicInteger customers = new AtomicInteger();
    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder late = new LongAdder();
    final LongAdder overCapacity = new LongAdder();
    final LongAdder fired = new LongAdder();
    final LongAdder suppressed = new LongAdder();

    Kernel(RuleSet set, int maxCustomers) {
        this.set = set;
        this.maxCustomers = maxCustomers;
        this.states = new ConcurrentHashMap<>(Math.min(maxCustomers, 1 << 16));
    }

    /** The customer's state, created on first sight unless the engine is full; {@code null} when full. */
    CustomerState state(CustomerId id) {
        CustomerState s = states.get(id);
        if (s != null) {
            return s;
        }
        if (customers.get() >= maxCustomers) {
            return null;
        }
        return states.computeIfAbsent(id, k -> {
            customers.incrementAndGet();
            return new CustomerState(set);
        });
    }

    void put(CustomerId id, CustomerState s) {
        if (states.put(id, s) == null) {
            customers.incrementAndGet();
        }
    }

    int maxCustomers() {
        return maxCustomers;
    }

    int customers() {
        return customers.get();
    }

    Published decide(HostEvent e, DecisionSink sink) {
        CustomerState s = state(e.customerId());
        if (s == null) {
            overCapacity.increment();
            return Published.OVER_CAPACITY;
        }
        long t = e.at().toEpochMilli();
        long idHash = Hash64.of(e.eventId());
        int k = set.indexOf(e.kind());
        synchronized (s) {
            int admitted = s.admit(t, idHash);
            if (admitted != 0) {
                (admitted == 1 ? late : duplicates).increment();
                return admitted == 1 ? Published.LATE : Published.DUPLICATE;
            }
            accepted.increment();
            if (e.kind().equals(EventKind.BALANCE_SNAPSHOT) && e.accountId() != null) {
                s.balance(Hash64.of(e.accountId().value()), e.value());
            }
            if (k < 0) {
                return Published.ACCEPTED;
            }
            long previous = s.kindLast(k);
            s.kindLast(k, t);
            int[] rings = set.seriesOfKind[k];
            if (rings.length > 0) {
                long[] slab = s.windows(set, k);
                for (int si : rings) {
                    Ring ring = set.series[si];
                    ring.add(slab, Math.floorDiv(t, ring.bucketMillis), e.value());
                }
            }
            for (int r : set.rulesOfKind[k]) {
                if (set.tests[r].test(s, t, k, previous)) {
                    long last = s.firedAt(r);
                    if (last != Long.MIN_VALUE && t - last < set.suppressMillis[r]) {
                        suppressed.increment();
                    } else {
                        s.firedAt(r, t);
                        fired.increment();
                        sink.accept(new Decision(set.rules.get(r), e));
                    }
                }
            }
            return Published.ACCEPTED;
        }
    }

    /** Seeds the assets baseline (as if from one balance snapshot covering every account). */
    void seedAssets(CustomerId id, double assets) {
        CustomerState s = state(id);
        if (s != null) {
            synchronized (s) {
                s.balance(CustomerState.SEED_ACCOUNT, assets);
            }
        }
    }

    /** Seeds the time of the customer's latest event of a kind, for dormancy, if later than what is known. */
    void seedLast(CustomerId id, EventKind kind, long at) {
        int k = set.indexOf(kind);
        CustomerState s = k < 0 ? null : state(id);
        if (s != null) {
            synchronized (s) {
                if (s.kindLast(k) == Long.MIN_VALUE || s.kindLast(k) < at) {
                    s.kindLast(k, at);
                }
            }
        }
    }
}
