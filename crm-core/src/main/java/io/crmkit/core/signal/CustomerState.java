package io.crmkit.core.signal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The layout of what the engine keeps about one customer: one record of {@link RuleSet#recordLength}
 * longs inside a page of its {@link Segment}, fixed by the rule set. At its start the latest event
 * time, the first id hash seen at it and how many were seen (for idempotence), {@code assets}; then
 * per mentioned kind its latest event time (for dormancy) next to the number of its slab (0 before
 * the kind's first event); then when each rule last fired (for suppression). A kind's slab holds all
 * of that kind's rolling windows ({@link Ring} says where each lives) in the segment's pages of slabs
 * of that kind, so a customer holds windows only for the kinds it has had. Further ids at the latest
 * instant and the accounts' latest balances, which vary in number, are kept beside the record by the
 * segment. No object per customer, and an event's work in few cache lines whose addresses follow from
 * the record: at a million customers nearly every event finds its customer out of the CPU caches.
 * Stateless and thread-safe; a record is guarded by its segment's monitor.
 */
final class CustomerState {
    static final int LAST_AT = 0;
    static final int FIRST_ID = 1;
    static final int ID_COUNT = 2;
    static final int ASSETS = 3;
    /** Kind {@code k}'s latest event time (MIN_VALUE for never) at {@code TIMES + 2k}, its slab's number + 1 after it. */
    static final int TIMES = 4;

    /** Ids remembered at the latest instant; beyond this, later ids at the same millisecond are not remembered. */
    static final int MAX_IDS_AT_LATEST = 64;
    /** Accounts whose latest balance makes up {@code assets}; a snapshot of a further account replaces the oldest. */
    static final int MAX_ACCOUNTS = 32;
    /** The account key of a seeded baseline; the first real snapshot replaces it. */
    static final long SEED_ACCOUNT = 0L;

    private CustomerState() {}

    static int kindLastAt(int k) {
        return TIMES + 2 * k;
    }

    static int slabAt(int k) {
        return TIMES + 2 * k + 1;
    }

    /** Makes the record at {@code base} that of a customer never seen (its last firings at {@code set.firedAt}). */
    static void init(RuleSet set, long[] p, int base) {
        java.util.Arrays.fill(p, base, base + set.recordLength, 0L);
        p[base + LAST_AT] = Long.MIN_VALUE;
        p[base + ASSETS] = Double.doubleToRawLongBits(Double.NaN);
        for (int k = 0; k < set.kinds.size(); k++) {
            p[base + kindLastAt(k)] = Long.MIN_VALUE;
        }
        java.util.Arrays.fill(p, base + set.firedAt, base + set.recordLength, Long.MIN_VALUE);
    }

    /** Writes the kinds' latest times, the rules' last firings, then {@code assets}, as formats 1 and 2 hold them. */
    static void writeTimesAndAssets(RuleSet set, long[] p, int base, DataOutput out) throws IOException {
        for (int k = 0; k < set.kinds.size(); k++) {
            out.writeLong(p[base + kindLastAt(k)]);
        }
        for (int r = 0; r < set.rules.size(); r++) {
            out.writeLong(p[base + set.firedAt + r]);
        }
        out.writeDouble(Double.longBitsToDouble(p[base + ASSETS]));
    }

    static void readTimesAndAssets(RuleSet set, long[] p, int base, DataInput in) throws IOException {
        for (int k = 0; k < set.kinds.size(); k++) {
            p[base + kindLastAt(k)] = in.readLong();
        }
        for (int r = 0; r < set.rules.size(); r++) {
            p[base + set.firedAt + r] = in.readLong();
        }
        p[base + ASSETS] = Double.doubleToRawLongBits(in.readDouble());
    }
}
