package io.crmkit.core.signal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The layout of what the engine keeps about one customer: one record of {@link RuleSet#recordLength}
 * longs inside a page of its {@link Segment}, fixed by the rule set. At its start the latest event
 * time, the first id hash seen at it and how many were seen (for idempotence), {@code assets}; then
 * the latest event time per mentioned kind (for dormancy) and when each rule last fired (for
 * suppression); then per kind one slab holding all of that kind's rolling windows ({@link Ring} says
 * where each lives). Further ids at the latest instant and the accounts' latest balances, which vary
 * in number, are kept beside the record by the segment. No object per customer and the numbers of
 * one event's work side by side: at a million customers nearly every event finds its customer out of
 * the CPU caches, so what counts is how many cache lines an event touches and whether their addresses
 * are known without reading another line first. Stateless and thread-safe; a record is guarded by
 * its segment's monitor.
 */
final class CustomerState {
    static final int LAST_AT = 0;
    static final int FIRST_ID = 1;
    static final int ID_COUNT = 2;
    static final int ASSETS = 3;
    /** The latest event time per kind ({@code [0, kinds)}), then the last firing per rule; MIN_VALUE for never. */
    static final int TIMES = 4;

    /** Ids remembered at the latest instant; beyond this, later ids at the same millisecond are not remembered. */
    static final int MAX_IDS_AT_LATEST = 64;
    /** Accounts whose latest balance makes up {@code assets}; a snapshot of a further account replaces the oldest. */
    static final int MAX_ACCOUNTS = 32;
    /** The account key of a seeded baseline; the first real snapshot replaces it. */
    static final long SEED_ACCOUNT = 0L;

    private CustomerState() {}

    /** Makes the record at {@code base} that of a customer never seen. */
    static void init(RuleSet set, long[] p, int base) {
        java.util.Arrays.fill(p, base, base + set.recordLength, 0L);
        p[base + LAST_AT] = Long.MIN_VALUE;
        p[base + ASSETS] = Double.doubleToRawLongBits(Double.NaN);
        java.util.Arrays.fill(p, base + TIMES, base + TIMES + set.kinds.size() + set.rules.size(), Long.MIN_VALUE);
        set.initRings(p, base);
    }

    /** Writes the fixed part after format 2's ids and before its accounts: the times, then {@code assets}. */
    static void writeTimesAndAssets(RuleSet set, long[] p, int base, DataOutput out) throws IOException {
        for (int i = 0; i < set.kinds.size() + set.rules.size(); i++) {
            out.writeLong(p[base + TIMES + i]);
        }
        out.writeDouble(Double.longBitsToDouble(p[base + ASSETS]));
    }

    static void readTimesAndAssets(RuleSet set, long[] p, int base, DataInput in) throws IOException {
        for (int i = 0; i < set.kinds.size() + set.rules.size(); i++) {
            p[base + TIMES + i] = in.readLong(); // format 1 wrote the kinds' times, then the rules': the same order
        }
        p[base + ASSETS] = Double.doubleToRawLongBits(in.readDouble());
    }

    /** Writes each kind's slab as format 2 does: a presence flag, then its longs as they are. */
    static void writeSlabs(RuleSet set, long[] p, int base, DataOutput out) throws IOException {
        for (int k = 0; k < set.kinds.size(); k++) {
            boolean present = false;
            for (int si : set.seriesOfKind[k]) {
                present |= !set.series[si].isEmpty(p, base);
            }
            out.writeBoolean(present);
            if (present) {
                for (int i = 0; i < set.slabLength[k]; i++) {
                    out.writeLong(p[base + set.slabStart[k] + i]);
                }
            }
        }
    }

    /** Reads the slabs of checkpoint format {@code format} (1: ring by ring; 2: slab by slab) into a new record. */
    static void readSlabs(RuleSet set, long[] p, int base, DataInput in, int format) throws IOException {
        if (format == 1) {
            // one ring at a time, in the rule set's ring order, each with its own presence flag
            for (Ring ring : set.series) {
                if (in.readBoolean()) {
                    ring.readFormat1(p, base, in);
                }
            }
        } else {
            for (int k = 0; k < set.kinds.size(); k++) {
                if (in.readBoolean()) {
                    for (int i = 0; i < set.slabLength[k]; i++) {
                        p[base + set.slabStart[k] + i] = in.readLong();
                    }
                }
            }
        }
    }
}
