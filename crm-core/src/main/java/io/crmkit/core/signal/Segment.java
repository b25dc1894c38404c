package io.crmkit.core.signal;

import io.crmkit.core.customer.CustomerId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One share of the customers (those whose id hashes to it): an open-addressing table from customer
 * id to a dense slot, per slot a {@link CustomerState} record in pages of primitive arrays, per kind
 * pages of the slabs of its rings (a customer's slab made at its first event of the kind), plus
 * the few things beside it that vary in length (further ids at the latest instant, account
 * balances). Its monitor is the lock of every customer in it, so finding a customer and deciding on
 * its event take one lock; the counters are plain fields for the same reason. Slots are never freed.
 * Guarded by its own monitor.
 */
final class Segment {
    /**
     * Records (or slabs) per page. Pages are large so that the page table and the pages' headers
     * (which every bounds check reads) stay in the CPU caches at a million customers; the last page
     * grows by doubling from {@link #FIRST_PAGE}, so an engine with few customers stays small.
     */
    static final int PAGE_SHIFT = 10;
    private static final int PAGE = 1 << PAGE_SHIFT;
    private static final int FIRST_PAGE = 16;
    private static final long[] NO_LONGS = new long[0];

    private final RuleSet set;
    /** {@code (hash << 32) | (slot + 1)}, 0 for a free entry; at most half full, probed linearly. */
    private long[] table = new long[16];
    /**
     * The key of each table entry, at the same index: the CPU loads it at the same time as the entry
     * (its address does not depend on the entry), where a key found through the slot costs one more
     * cache miss in a row.
     */
    private CustomerId[] tableKeys = new CustomerId[16];
    private CustomerId[] keys = new CustomerId[FIRST_PAGE];
    private long[][] pages = new long[1][];
    /** Per slot, the ids seen at the latest instant after the first, or null. */
    private long[][] moreIds = new long[FIRST_PAGE][];
    /** Per slot, the accounts' keys and latest values' bits, interleaved, or null. */
    private long[][] accounts = new long[FIRST_PAGE][];
    int count;
    /** Per kind, pages of {@link #PAGE} slabs of its rings, and how many slabs are in use. */
    private final long[][][] slabPages;
    private final int[] slabs;

    long accepted;
    long duplicates;
    long late;
    long fired;
    long suppressed;

    Segment(RuleSet set) {
        this.set = set;
        slabPages = new long[set.kinds.size()][1][];
        slabs = new int[set.kinds.size()];
    }

    /** The slot of {@code id} (whose {@link Kernel#hash} is {@code h}), or -1. */
    int find(CustomerId id, int h) {
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                CustomerId k = tableKeys[i];
                if (k == id || k.equals(id)) {
                    return (int) e - 1;
                }
            }
        }
    }

    /** Adds a customer not yet in the segment, with a new record; returns its slot. */
    int insert(CustomerId id, int h) {
        int slot = count;
        if (slot == keys.length) {
            int n = keys.length * 2;
            keys = Arrays.copyOf(keys, n);
            moreIds = Arrays.copyOf(moreIds, n);
            accounts = Arrays.copyOf(accounts, n);
        }
        pages = room(pages, slot, set.recordLength);
        CustomerState.init(set, page(slot), base(slot));
        keys[slot] = id;
        count++;
        if (2 * count > table.length) {
            long[] old = table;
            CustomerId[] oldKeys = tableKeys;
            table = new long[old.length * 2];
            tableKeys = new CustomerId[old.length * 2];
            for (int i = 0; i < old.length; i++) {
                if (old[i] != 0) {
                    place(old[i], oldKeys[i]);
                }
            }
        }
        place(((long) h << 32) | (slot + 1L), id);
        return slot;
    }

    private void place(long entry, CustomerId id) {
        int mask = table.length - 1;
        int i = (int) (entry >>> 32) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = entry;
        tableKeys[i] = id;
    }

    /**
     * {@code pages}, or a longer copy, with room for entry {@code slot} (dense: never beyond the
     * last entry + 1) of {@code length} longs: the last page grows by doubling up to {@link #PAGE} entries.
     */
    private static long[][] room(long[][] pages, int slot, int length) {
        int at = slot >>> PAGE_SHIFT;
        if (at == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        long[] page = pages[at];
        int entries = page == null ? 0 : page.length / length;
        int within = slot & (PAGE - 1);
        if (within >= entries) {
            int grown = Math.max(FIRST_PAGE, entries);
            while (grown <= within) {
                grown *= 2;
            }
            grown = Math.min(grown, PAGE);
            pages[at] = page == null ? new long[grown * length] : Arrays.copyOf(page, grown * length);
        }
        return pages;
    }

    long[] page(int slot) {
        return pages[slot >>> PAGE_SHIFT];
    }

    int base(int slot) {
        return (slot & (PAGE - 1)) * set.recordLength;
    }

    long[] slabPage(int k, int slab) {
        return slabPages[k][slab >>> PAGE_SHIFT];
    }

    int slabBase(int k, int slab) {
        return (slab & (PAGE - 1)) * set.slabLength[k];
    }

    /** The number of kind {@code k}'s slab in the record at {@code base} of {@code p}, made (rings empty) on first use. */
    int slab(int k, long[] p, int base) {
        int slab = (int) p[base + CustomerState.slabAt(k)] - 1;
        if (slab >= 0) {
            return slab;
        }
        slab = slabs[k]++;
        slabPages[k] = room(slabPages[k], slab, set.slabLength[k]);
        set.initSlab(k, slabPage(k, slab), slabBase(k, slab));
        p[base + CustomerState.slabAt(k)] = slab + 1L;
        return slab;
    }

    CustomerId key(int slot) {
        return keys[slot];
    }

    /** 0 if an event at {@code t} with this id hash is new (and remembers it), 1 if late, 2 if a duplicate. */
    int admit(int slot, long t, long idHash) {
        long[] p = page(slot);
        int b = base(slot);
        long lastAt = p[b + CustomerState.LAST_AT];
        if (t < lastAt) {
            return 1;
        }
        int ids = (int) p[b + CustomerState.ID_COUNT];
        if (t == lastAt) {
            if (ids > 0 && p[b + CustomerState.FIRST_ID] == idHash) {
                return 2;
            }
            long[] more = moreIds[slot];
            for (int i = 0; i < ids - 1; i++) {
                if (more[i] == idHash) {
                    return 2;
                }
            }
        } else {
            p[b + CustomerState.LAST_AT] = t;
            ids = 0;
            p[b + CustomerState.ID_COUNT] = 0;
        }
        remember(slot, p, b, ids, idHash);
        return 0;
    }

    private void remember(int slot, long[] p, int b, int ids, long idHash) {
        if (ids == 0) {
            p[b + CustomerState.FIRST_ID] = idHash;
        } else if (ids < CustomerState.MAX_IDS_AT_LATEST) {
            long[] more = moreIds[slot] == null ? NO_LONGS : moreIds[slot];
            if (ids - 1 == more.length) {
                more = Arrays.copyOf(more, Math.max(4, more.length * 2));
                moreIds[slot] = more;
            }
            more[ids - 1] = idHash;
        } else {
            return;
        }
        p[b + CustomerState.ID_COUNT] = ids + 1;
    }

    private long idAt(int slot, long[] p, int b, int i) {
        return i == 0 ? p[b + CustomerState.FIRST_ID] : moreIds[slot][i - 1];
    }

    /** Records the latest value of one account and sets {@code assets} to the sum over the accounts, oldest first. */
    void balance(int slot, long accountKey, double value) {
        long[] a = accounts[slot] == null ? NO_LONGS : accounts[slot];
        if (accountKey != CustomerState.SEED_ACCOUNT && a.length == 2 && a[0] == CustomerState.SEED_ACCOUNT) {
            a = NO_LONGS;
        }
        int n = a.length / 2;
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (a[2 * i] == accountKey) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            if (n < CustomerState.MAX_ACCOUNTS) {
                a = Arrays.copyOf(a, 2 * n + 2);
                at = n;
            } else {
                // drop the first-added account: a customer with more accounts than this is a feed of sub-accounts
                System.arraycopy(a, 2, a, 0, 2 * n - 2);
                at = n - 1;
            }
            a[2 * at] = accountKey;
        }
        a[2 * at + 1] = Double.doubleToRawLongBits(value);
        accounts[slot] = a;
        double total = 0;
        for (int i = 0; i < a.length / 2; i++) {
            total += Double.longBitsToDouble(a[2 * i + 1]);
        }
        page(slot)[base(slot) + CustomerState.ASSETS] = Double.doubleToRawLongBits(total);
    }

    /** Approximate heap bytes held, for the footprint figures. */
    long bytes() {
        long b = 16 + table.length * 12L + 3 * (16 + keys.length * 4L) + 16 + pages.length * 4L;
        for (long[] page : pages) {
            b += page == null ? 0 : 16 + page.length * 8L;
        }
        for (long[][] kindPages : slabPages) {
            for (long[] page : kindPages) {
                b += page == null ? 0 : 16 + page.length * 8L;
            }
        }
        for (int s = 0; s < count; s++) {
            b += moreIds[s] == null ? 0 : 16 + moreIds[s].length * 8L;
            b += accounts[s] == null ? 0 : 16 + accounts[s].length * 8L;
        }
        return b;
    }

    /** Writes one customer's state as checkpoint format 2: format 1's fields, then each kind's rings in slab order. */
    void write(int slot, DataOutput out) throws IOException {
        long[] p = page(slot);
        int b = base(slot);
        out.writeLong(p[b + CustomerState.LAST_AT]);
        int ids = (int) p[b + CustomerState.ID_COUNT];
        out.writeShort(ids);
        for (int i = 0; i < ids; i++) {
            out.writeLong(idAt(slot, p, b, i));
        }
        CustomerState.writeTimesAndAssets(set, p, b, out);
        long[] a = accounts[slot] == null ? NO_LONGS : accounts[slot];
        out.writeShort(a.length / 2);
        for (int i = 0; i < a.length / 2; i++) {
            out.writeLong(a[2 * i]);
            out.writeDouble(Double.longBitsToDouble(a[2 * i + 1]));
        }
        for (int k = 0; k < set.kinds.size(); k++) {
            int slab = (int) p[b + CustomerState.slabAt(k)] - 1;
            out.writeBoolean(slab >= 0);
            if (slab >= 0) {
                for (int si : set.seriesOfKind[k]) {
                    set.series[si].write(slabPage(k, slab), slabBase(k, slab), out);
                }
            }
        }
    }

    /** Replaces the state in {@code slot} by one read in checkpoint format {@code format} (1 or 2) for the same rules. */
    void read(int slot, DataInput in, int format) throws IOException {
        long[] p = page(slot);
        int b = base(slot);
        CustomerState.init(set, p, b);
        moreIds[slot] = null;
        p[b + CustomerState.LAST_AT] = in.readLong();
        int ids = Checkpoints.bounded(in.readShort(), CustomerState.MAX_IDS_AT_LATEST);
        for (int i = 0; i < ids; i++) {
            remember(slot, p, b, i, in.readLong());
        }
        CustomerState.readTimesAndAssets(set, p, b, in);
        int n = Checkpoints.bounded(in.readShort(), CustomerState.MAX_ACCOUNTS);
        long[] a = n == 0 ? null : new long[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = in.readLong();
            a[2 * i + 1] = Double.doubleToRawLongBits(in.readDouble());
        }
        accounts[slot] = a;
        if (format == 1) {
            // one ring at a time, in the rule set's ring order, each with its own presence flag
            for (Ring ring : set.series) {
                if (in.readBoolean()) {
                    int slab = slab(ring.kind, p, b);
                    ring.readFormat1(slabPage(ring.kind, slab), slabBase(ring.kind, slab), in);
                }
            }
        } else {
            for (int k = 0; k < set.kinds.size(); k++) {
                if (in.readBoolean()) {
                    int slab = slab(k, p, b);
                    for (int si : set.seriesOfKind[k]) {
                        set.series[si].read(slabPage(k, slab), slabBase(k, slab), in);
                    }
                }
            }
        }
    }
}
