package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import java.util.Map;

/**
 * The customers of a {@link ContactPolicy} snapshot in flat primitive arrays, so that a decision
 * reads a few adjacent words instead of following references: an open-addressing table from the
 * customer id's hash to the offset of the customer's entry, and one {@code long[]} holding every
 * entry: the id itself (its length, then its chars eight to a word, compared with the id asked
 * about), then the customer's row. A lookup touches the table's slot and the entry, which the
 * decision reads next anyway.
 *
 * <p>A row is laid out as
 * <pre>
 *   [0]                     header: zone index (bits 0-15), do-not-contact (bit 16),
 *                           number of consents (bits 24-31), do-not-contact channel mask (bits 32-63)
 *   [1]                     number of carried-out contacts n
 *   [2 + 3i .. 4 + 3i]      consent i: kind | purpose &lt;&lt; 8 | status &lt;&lt; 16 | ends-by-withdrawal &lt;&lt; 24,
 *                           from (micros, Long.MAX_VALUE if it never permits), until (micros, exclusive)
 *   [c .. c + n)            the contacts' instants (micros), ascending (c = 2 + 3 * consents)
 *   [c + n .. c + 2n)       the contacts' purpose | channel &lt;&lt; 8
 * </pre>
 * Immutable and thread-safe once built.
 */
final class PolicyRows {
    static final int HEADER = 2;
    static final int FACT = 3;
    private static final ConsentStatus[] STATUSES = ConsentStatus.values();

    /** Per slot, the id's hash (high half) and 1 + the offset of its entry (low half); 0 for an empty slot. */
    private final long[] table;
    private final int shift;
    private final int size;
    final long[] data;

    private PolicyRows(long[] table, int shift, int size, long[] data) {
        this.table = table;
        this.shift = shift;
        this.size = size;
        this.data = data;
    }

    /** The table for the given rows (each as {@link #row} encodes it). */
    static PolicyRows of(Map<CustomerId, long[]> rows) {
        int bits = 1;
        while ((1 << bits) < 2 * rows.size()) {
            bits++;
        }
        long total = 0;
        for (Map.Entry<CustomerId, long[]> e : rows.entrySet()) {
            total += 1 + keyWords(e.getKey().value().length()) + e.getValue().length;
        }
        Check.that(total < Integer.MAX_VALUE - 8, "customers", "Size", "hold too many consents and contacts for one snapshot");
        long[] table = new long[1 << bits];
        long[] data = new long[(int) total];
        int shift = 32 - bits;
        int at = 0;
        for (Map.Entry<CustomerId, long[]> e : rows.entrySet()) {
            String key = e.getKey().value();
            int hash = key.hashCode();
            int slot = slot(hash, shift);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = (long) hash << 32 | (at + 1L);
            data[at++] = key.length();
            for (int i = 0; i < key.length(); i++) {
                data[at + i / 8] |= (long) key.charAt(i) << (8 * (i % 8));
            }
            at += keyWords(key.length());
            System.arraycopy(e.getValue(), 0, data, at, e.getValue().length);
            at += e.getValue().length;
        }
        return new PolicyRows(table, shift, rows.size(), data);
    }

    private static int keyWords(int length) {
        return (length + 7) / 8;
    }

    private static int slot(int hash, int shift) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** The offset of {@code id}'s row (its header), or -1 if the snapshot does not hold it. */
    int row(CustomerId id) {
        String key = id.value();
        int hash = key.hashCode();
        int mask = table.length - 1;
        for (int slot = slot(hash, shift); ; slot = (slot + 1) & mask) {
            long e = table[slot];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == hash) {
                int at = (int) e - 1;
                if (keyIs(at, key)) {
                    return at + 1 + keyWords(key.length());
                }
            }
        }
    }

    /** Whether the id stored at {@code at} (its length, then eight chars a word: ids are ASCII) is {@code key}. */
    private boolean keyIs(int at, String key) {
        int n = key.length();
        if (data[at] != n) {
            return false;
        }
        for (int w = 0; w < keyWords(n); w++) {
            long word = 0;
            for (int i = 8 * w, end = Math.min(n, i + 8); i < end; i++) {
                word |= (long) key.charAt(i) << (8 * (i % 8));
            }
            if (data[at + 1 + w] != word) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    /**
     * Encodes one customer's row; {@code consents} holds per consent {kind | purpose << 8 | status
     * << 16 | withdrawal << 24, from, until}, {@code times} the contacts' instants ascending and
     * {@code kinds} their purpose | channel << 8.
     */
    static long[] row(int zone, boolean doNotContact, int channelMask, long[] consents, long[] times, long[] kinds) {
        int facts = consents.length / FACT;
        long[] row = new long[HEADER + consents.length + 2 * times.length];
        row[0] = zone | (doNotContact ? 1L << 16 : 0) | (long) facts << 24 | (long) channelMask << 32;
        row[1] = times.length;
        System.arraycopy(consents, 0, row, HEADER, consents.length);
        System.arraycopy(times, 0, row, HEADER + consents.length, times.length);
        System.arraycopy(kinds, 0, row, HEADER + consents.length + times.length, kinds.length);
        return row;
    }

    static long factMeta(int kind, int purpose, ConsentStatus status, boolean endsByWithdrawal) {
        return kind | purpose << 8 | status.ordinal() << 16 | (endsByWithdrawal ? 1 << 24 : 0);
    }

    int zone(int row) {
        return (int) (data[row] & 0xFFFF);
    }

    boolean doNotContact(int row) {
        return (data[row] & (1L << 16)) != 0;
    }

    int doNotContactChannels(int row) {
        return (int) (data[row] >>> 32);
    }

    /** The index in {@link #data} of the consent for {@code kind} and {@code purpose}, or -1. */
    int consent(int row, int kind, int purpose) {
        int n = (int) ((data[row] >>> 24) & 0xFF);
        long key = kind | purpose << 8;
        for (int i = row + HEADER, end = i + FACT * n; i < end; i += FACT) {
            if ((data[i] & 0xFFFF) == key) {
                return i;
            }
        }
        return -1;
    }

    ConsentStatus status(int fact) {
        return STATUSES[(int) ((data[fact] >>> 16) & 0xFF)];
    }

    boolean endsByWithdrawal(int fact) {
        return (data[fact] & (1L << 24)) != 0;
    }

    long from(int fact) {
        return data[fact + 1];
    }

    long until(int fact) {
        return data[fact + 2];
    }

    int contacts(int row) {
        return (int) data[row + 1];
    }

    /** The index in {@link #data} of the row's first contact instant. */
    int contactTimes(int row) {
        return row + HEADER + FACT * (int) ((data[row] >>> 24) & 0xFF);
    }
}
