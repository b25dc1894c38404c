package io.crmkit.core.signal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the engine keeps about one customer, with a footprint fixed by the rule set: the latest
 * event time and the ids seen at it (for idempotence), the latest event time per mentioned kind
 * (for dormancy), when each rule last fired (for suppression), the latest value per account (for
 * {@code assets}) and one {@link Ring} per rolling window, created on the first event of its kind.
 * Guarded by its own monitor: one customer's events are decided one at a time.
 */
final class CustomerState {
    /** Ids remembered at the latest instant; beyond this, later ids at the same millisecond are not remembered. */
    static final int MAX_IDS_AT_LATEST = 64;
    /** Accounts whose latest balance makes up {@code assets}; a snapshot of a further account replaces the oldest. */
    static final int MAX_ACCOUNTS = 32;

    /** The account key of a seeded baseline; the first real snapshot replaces it. */
    static final long SEED_ACCOUNT = 0L;

    long lastAt = Long.MIN_VALUE;
    long[] idsAtLast = new long[4];
    int idCount;
    final long[] kindLast;
    final long[] fired;
    double assets = Double.NaN;
    long[] accountKeys = new long[0];
    double[] accountValues = new double[0];
    final Ring[] rings;

    CustomerState(RuleSet set) {
        kindLast = new long[set.kinds.size()];
        Arrays.fill(kindLast, Long.MIN_VALUE);
        fired = new long[set.rules.size()];
        Arrays.fill(fired, Long.MIN_VALUE);
        rings = new Ring[set.series.length];
    }

    /** Whether an event at {@code t} with this id hash is new; if so, remembers it. */
    int admit(long t, long idHash) {
        if (t < lastAt) {
            return 1;
        }
        if (t == lastAt) {
            for (int i = 0; i < idCount; i++) {
                if (idsAtLast[i] == idHash) {
                    return 2;
                }
            }
        } else {
            lastAt = t;
            idCount = 0;
        }
        if (idCount < MAX_IDS_AT_LATEST) {
            if (idCount == idsAtLast.length) {
                idsAtLast = Arrays.copyOf(idsAtLast, idCount * 2);
            }
            idsAtLast[idCount++] = idHash;
        }
        return 0;
    }

    void balance(long accountKey, double value) {
        if (accountKey != SEED_ACCOUNT && accountKeys.length == 1 && accountKeys[0] == SEED_ACCOUNT) {
            accountKeys = new long[0];
            accountValues = new double[0];
        }
        int n = accountKeys.length;
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (accountKeys[i] == accountKey) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            if (n < MAX_ACCOUNTS) {
                accountKeys = Arrays.copyOf(accountKeys, n + 1);
                accountValues = Arrays.copyOf(accountValues, n + 1);
                at = n;
            } else {
                // drop the first-added account: a customer with more accounts than this is a feed of sub-accounts
                System.arraycopy(accountKeys, 1, accountKeys, 0, n - 1);
                System.arraycopy(accountValues, 1, accountValues, 0, n - 1);
                at = n - 1;
            }
            accountKeys[at] = accountKey;
        }
        accountValues[at] = value;
        double total = 0;
        for (double v : accountValues) {
            total += v;
        }
        assets = total;
    }

    Ring ring(RuleSet set, int s) {
        Ring r = rings[s];
        if (r == null) {
            RuleSet.Series spec = set.series[s];
            r = new Ring(spec.slots(), spec.sums(), spec.maxima());
            rings[s] = r;
        }
        return r;
    }

    /** Approximate heap bytes held, for the footprint figures. */
    long bytes() {
        long b = 16 + 8 * 8 + 16 + idsAtLast.length * 8L + 16 + kindLast.length * 8L + 16 + fired.length * 8L
                + 32 + accountKeys.length * 16L + 16 + rings.length * 4L;
        for (Ring r : rings) {
            if (r != null) {
                int k = r.count.length;
                b += 16 + 8 + 16 + 4L * k + (r.sum != null ? 16 + 8L * k : 0) + (r.max != null ? 16 + 8L * k : 0);
            }
        }
        return b;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(lastAt);
        out.writeShort(idCount);
        for (int i = 0; i < idCount; i++) {
            out.writeLong(idsAtLast[i]);
        }
        for (long v : kindLast) {
            out.writeLong(v);
        }
        for (long v : fired) {
            out.writeLong(v);
        }
        out.writeDouble(assets);
        out.writeShort(accountKeys.length);
        for (int i = 0; i < accountKeys.length; i++) {
            out.writeLong(accountKeys[i]);
            out.writeDouble(accountValues[i]);
        }
        for (Ring r : rings) {
            out.writeBoolean(r != null);
            if (r != null) {
                out.writeLong(r.newest);
                for (int i = 0; i < r.count.length; i++) {
                    out.writeInt(r.count[i]);
                    if (r.sum != null) {
                        out.writeDouble(r.sum[i]);
                    }
                    if (r.max != null) {
                        out.writeDouble(r.max[i]);
                    }
                }
            }
        }
    }

    static CustomerState read(RuleSet set, DataInput in) throws IOException {
        CustomerState s = new CustomerState(set);
        s.lastAt = in.readLong();
        s.idCount = Checkpoints.bounded(in.readShort(), MAX_IDS_AT_LATEST);
        s.idsAtLast = new long[Math.max(4, s.idCount)];
        for (int i = 0; i < s.idCount; i++) {
            s.idsAtLast[i] = in.readLong();
        }
        for (int i = 0; i < s.kindLast.length; i++) {
            s.kindLast[i] = in.readLong();
        }
        for (int i = 0; i < s.fired.length; i++) {
            s.fired[i] = in.readLong();
        }
        s.assets = in.readDouble();
        int accounts = Checkpoints.bounded(in.readShort(), MAX_ACCOUNTS);
        s.accountKeys = new long[accounts];
        s.accountValues = new double[accounts];
        for (int i = 0; i < accounts; i++) {
            s.accountKeys[i] = in.readLong();
            s.accountValues[i] = in.readDouble();
        }
        for (int r = 0; r < s.rings.length; r++) {
            if (in.readBoolean()) {
                Ring ring = s.ring(set, r);
                ring.newest = in.readLong();
                for (int i = 0; i < ring.count.length; i++) {
                    ring.count[i] = in.readInt();
                    if (ring.sum != null) {
                        ring.sum[i] = in.readDouble();
                    }
                    if (ring.max != null) {
                        ring.max[i] = in.readDouble();
                    }
                }
            }
        }
        return s;
    }
}
