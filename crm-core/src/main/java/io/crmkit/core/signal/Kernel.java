package io.crmkit.core.signal;

import io.crmkit.core.customer.CustomerId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The deciding part of the engine, free of I/O: the customers spread over {@value #SEGMENTS}
 * {@link Segment}s by a hash of their id; each customer's events decided one at a time under its
 * segment's monitor, which also guards finding the customer, and decisions handed to the sink while
 * that monitor is held (so a sink sees one customer's decisions in event order). Thread-safe.
 */
final class Kernel {
    static final int SEGMENTS = 64;

    final RuleSet set;
    final Segment[] segments = new Segment[SEGMENTS];
    private final int maxCustomers;
    private final AtomicInteger customers = new AtomicInteger();
    final LongAdder overCapacity = new LongAdder();

    Kernel(RuleSet set, int maxCustomers) {
        this.set = set;
        this.maxCustomers = maxCustomers;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(set);
        }
    }

    /** The id's hash, spread so that both its top bits (the segment) and its low bits (the table) vary. */
    static int hash(CustomerId id) {
        int h = id.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    Segment segment(int h) {
        return segments[h >>> 26]; // the top 6 bits: SEGMENTS == 64
    }

    /** The customer's slot in {@code seg}, added on first sight unless the engine is full (then -1). Hold seg's lock. */
    private int slot(Segment seg, CustomerId id, int h) {
        int slot = seg.find(id, h);
        if (slot >= 0) {
            return slot;
        }
        if (customers.incrementAndGet() > maxCustomers) {
            customers.decrementAndGet();
            return -1;
        }
        return seg.insert(id, h);
    }

    int maxCustomers() {
        return maxCustomers;
    }

    int customers() {
        return customers.get();
    }

    Published decide(HostEvent e, DecisionSink sink) {
        CustomerId id = e.customerId();
        int h = hash(id);
        Segment seg = segment(h);
        long t = e.at().toEpochMilli();
        long idHash = Hash64.of(e.eventId());
        int k = set.indexOf(e.kind());
        synchronized (seg) {
            int slot = slot(seg, id, h);
            if (slot < 0) {
                overCapacity.increment();
                return Published.OVER_CAPACITY;
            }
            int admitted = seg.admit(slot, t, idHash);
            if (admitted != 0) {
                if (admitted == 1) {
                    seg.late++;
                    return Published.LATE;
                }
                seg.duplicates++;
                return Published.DUPLICATE;
            }
            seg.accepted++;
            if (e.kind().equals(EventKind.BALANCE_SNAPSHOT) && e.accountId() != null) {
                seg.balance(slot, Hash64.of(e.accountId().value()), e.value());
            }
            if (k < 0) {
                return Published.ACCEPTED;
            }
            long[] p = seg.page(slot);
            int base = seg.base(slot);
            int kindLast = base + CustomerState.kindLastAt(k);
            long previous = p[kindLast];
            p[kindLast] = t;
            int[] rings = set.seriesOfKind[k];
            if (rings.length > 0) {
                int slab = seg.slab(k, p, base);
                long[] sp = seg.slabPage(k, slab);
                int sb = seg.slabBase(k, slab);
                for (int si : rings) {
                    Ring ring = set.series[si];
                    ring.add(sp, sb, ring.bucketOf(t), e.value());
                }
            }
            int firedAt = base + set.firedAt;
            for (int r : set.rulesOfKind[k]) {
                if (set.tests[r].test(seg, p, base, t, k, previous)) {
                    long last = p[firedAt + r];
                    if (last != Long.MIN_VALUE && t - last < set.suppressMillis[r]) {
                        seg.suppressed++;
                    } else {
                        p[firedAt + r] = t;
                        seg.fired++;
                        sink.accept(new Decision(set.rules.get(r), e));
                    }
                }
            }
            return Published.ACCEPTED;
        }
    }

    /** Seeds the assets baseline (as if from one balance snapshot covering every account). */
    void seedAssets(CustomerId id, double assets) {
        int h = hash(id);
        Segment seg = segment(h);
        synchronized (seg) {
            int slot = slot(seg, id, h);
            if (slot >= 0) {
                seg.balance(slot, CustomerState.SEED_ACCOUNT, assets);
            }
        }
    }

    /** Seeds the time of the customer's latest event of a kind, for dormancy, if later than what is known. */
    void seedLast(CustomerId id, EventKind kind, long at) {
        int k = set.indexOf(kind);
        if (k < 0) {
            return;
        }
        int h = hash(id);
        Segment seg = segment(h);
        synchronized (seg) {
            int slot = slot(seg, id, h);
            if (slot >= 0) {
                long[] p = seg.page(slot);
                int i = seg.base(slot) + CustomerState.kindLastAt(k);
                if (p[i] == Long.MIN_VALUE || p[i] < at) {
                    p[i] = at;
                }
            }
        }
    }

    /** Puts a customer's state read from a checkpoint (replacing any the kernel has); false when the engine is full. */
    boolean restore(CustomerId id, java.io.DataInput in, int format) throws java.io.IOException {
        int h = hash(id);
        Segment seg = segment(h);
        synchronized (seg) {
            int slot = slot(seg, id, h);
            if (slot < 0) {
                return false;
            }
            seg.read(slot, in, format);
            return true;
        }
    }
}
