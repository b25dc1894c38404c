package io.crmkit.core.signal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the engine keeps about one customer, with a footprint fixed by the rule set: the latest
 * event time and the ids seen at it (for idempotence), in one array the latest event time per
 * mentioned kind (for dormancy) and when each rule last fired (for suppression), the latest value
 * per account (for {@code assets}) and per kind one slab of longs holding all of that kind's rolling
 * windows ({@link Ring} says where each lives), created on the first event of the kind. Few objects
 * and contiguous numbers: at a million customers nearly every event finds its customer out of the
 * CPU caches, so what counts is how many cache lines an event touches.
 * Guarded by its own monitor: one customer's events are decided one at a time.
 */
final class CustomerState {
    /** Ids remembered at the latest instant; beyond this, later ids at the same millisecond are not remembered. */
    static final int MAX_IDS_AT_LATEST = 64;
    /** Accounts whose latest balance makes up {@code assets}; a snapshot of a further account replaces the oldest. */
    static final int MAX_ACCOUNTS = 32;

    /** The account key of a seeded baseline; the first real snapshot replaces it. */
    static final long SEED_ACCOUNT = 0L;

    private static final long[] NO_LONGS = new long[0];
    private static final double[] NO_DOUBLES = new double[0];

    long lastAt = Long.MIN_VALUE;
    /** How many ids were seen at {@link #lastAt}: the first in {@link #firstId}, the others in {@link #moreIds}. */
    int idCount;
    long firstId;
    long[] moreIds = NO_LONGS;
    /** The latest event time per kind ({@code [0, kinds)}), then the last firing per rule; MIN_VALUE for never. */
    final long[] times;
    private final int kindCount;
    double assets = Double.NaN;
    long[] accountKeys = NO_LONGS;
    double[] accountValues = NO_DOUBLES;
    /** Per kind, its rings' numbers, or {@code null} before the kind's first event. */
    final long[][] windows;

    CustomerState(RuleSet set) {
        kindCount = set.kinds.size();
        times = new long[kindCount + set.rules.size()];
        Arrays.fill(times, Long.MIN_VALUE);
        windows = new long[kindCount][];
    }

    long kindLast(int k) {
        return times[k];
    }

    void kindLast(int k, long t) {
        times[k] = t;
    }

    long firedAt(int rule) {
        return times[kindCount + rule];
    }

    void firedAt(int rule, long t) {
        times[kindCount + rule] = t;
    }

    /** The slab of kind {@code k}'s rings, made on first use. */
    long[] windows(RuleSet set, int k) {
        long[] slab = windows[k];
        if (slab == null) {
            slab = set.newSlab(k);
            windows[k] = slab;
        }
        return slab;
    }

    /** 0 if an event at {@code t} with this id hash is new (and remembers it), 1 if late, 2 if a duplicate. */
    int admit(long t, long idHash) {
        if (t < lastAt) {
            return 1;
        }
        if (t == lastAt) {
            if (idCount > 0 && firstId == idHash) {
                return 2;
            }
            for (int i = 0; i < idCount - 1; i++) {
                if (moreIds[i] == idHash) {
                    return 2;
                }
            }
        } else {
            lastAt = t;
            idCount = 0;
        }
        remember(idHash);
        return 0;
    }

    private void remember(long idHash) {
        if (idCount == 0) {
            firstId = idHash;
        } else if (idCount < MAX_IDS_AT_LATEST) {
            if (idCount - 1 == moreIds.length) {
                moreIds = Arrays.copyOf(moreIds, Math.max(4, moreIds.length * 2));
            }
            moreIds[idCount - 1] = idHash;
        } else {
            return;
        }
        idCount++;
    }

    private long idAt(int i) {
        return i == 0 ? firstId : moreIds[i - 1];
    }

    void balance(long accountKey, double value) {
        if (accountKey != SEED_ACCOUNT && accountKeys.length == 1 && accountKeys[0] == SEED_ACCOUNT) {
            accountKeys = NO_LONGS;
            accountValues = NO_DOUBLES;
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

    /** Approximate heap bytes held, for the footprint figures. */
    long bytes() {
        long b = 16 + 8 * 8 + 16 + moreIds.length * 8L + 16 + times.length * 8L + 32 + accountKeys.length * 16L
                + 16 + windows.length * 4L;
        for (long[] slab : windows) {
            if (slab != null) {
                b += 16 + slab.length * 8L;
            }
        }
        return b;
    }

    /** Writes the state as checkpoint format 2: format 1's fields, then each kind's slab as it is. */
    void write(DataOutput out) throws IOException {
        out.writeLong(lastAt);
        out.writeShort(idCount);
        for (int i = 0; i < idCount; i++) {
            out.writeLong(idAt(i));
        }
        for (long v : times) {
            out.writeLong(v);
        }
        out.writeDouble(assets);
        out.writeShort(accountKeys.length);
        for (int i = 0; i < accountKeys.length; i++) {
            out.writeLong(accountKeys[i]);
            out.writeDouble(accountValues[i]);
        }
        for (long[] slab : windows) {
            out.writeBoolean(slab != null);
            if (slab != null) {
                for (long v : slab) {
                    out.writeLong(v);
                }
            }
        }
    }

    /** Reads a state written in checkpoint format {@code format} (1 or 2) for the same rules. */
    static CustomerState read(RuleSet set, DataInput in, int format) throws IOException {
        CustomerState s = new CustomerState(set);
        s.lastAt = in.readLong();
        int ids = Checkpoints.bounded(in.readShort(), MAX_IDS_AT_LATEST);
        for (int i = 0; i < ids; i++) {
            s.remember(in.readLong());
        }
        for (int i = 0; i < s.times.length; i++) {
            s.times[i] = in.readLong(); // format 1 wrote the kinds' times, then the rules': the same order
        }
        s.assets = in.readDouble();
        int accounts = Checkpoints.bounded(in.readShort(), MAX_ACCOUNTS);
        s.accountKeys = new long[accounts];
        s.accountValues = new double[accounts];
        for (int i = 0; i < accounts; i++) {
            s.accountKeys[i] = in.readLong();
            s.accountValues[i] = in.readDouble();
        }
        if (format == 1) {
            // one ring at a time, in the rule set's ring order, each with its own presence flag
            for (Ring ring : set.series) {
                if (in.readBoolean()) {
                    ring.readFormat1(s.windows(set, ring.kind), in);
                }
            }
        } else {
            for (int k = 0; k < s.windows.length; k++) {
                if (in.readBoolean()) {
                    long[] slab = new long[set.slabLength[k]];
                    for (int i = 0; i < slab.length; i++) {
                        slab[i] = in.readLong();
                    }
                    s.windows[k] = slab;
                }
            }
        }
        return s;
    }
}
