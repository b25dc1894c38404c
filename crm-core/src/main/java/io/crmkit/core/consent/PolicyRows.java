package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import java.util.Arrays;

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

    /**
     * Collects the entries of a {@link PolicyRows} in one growing array, indexing each as it is
     * added (adding an id again points it at the new entry), so a snapshot is built without a row
     * object or a map entry per customer. Not thread-safe.
     */
    static final class Appender {
        private long[] data = new long[1 << 10];
        private int used;
        private long[] table = new long[1 << 4];
        private int size;

        /**
         * Adds the entry of {@code id} with a row of {@code length} words (zeros, for the caller to
         * fill in {@link #data()}), and returns the row's offset.
         */
        int add(CustomerId id, int length) {
            String key = id.value();
            int words = 1 + keyWords(key.length());
            Check.that((long) used + words + length < Integer.MAX_VALUE - 8, "customers", "Size",
                    "hold too many consents and contacts for one snapshot");
            if (used + words + length > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * data.length, used + words + length)));
            }
            int at = used;
            data[at] = key.length();
            for (int i = 0; i < key.length(); i++) {
                data[at + 1 + i / 8] |= (long) key.charAt(i) << (8 * (i % 8));
            }
            used += words + length;
            index(key, at);
            return at + words;
        }

        /** The words the rows are written to (replaced when it grows: read it again after each {@link #add}). */
        long[] data() {
            return data;
        }

        private void index(String key, int at) {
            int hash = key.hashCode();
            int mask = table.length - 1;
            int slot = slot(hash, shift(table.length));
            for (long e = table[slot]; e != 0; e = table[slot]) {
                if ((int) (e >>> 32) == hash && keyIs(data, (int) e - 1, key)) {
                    table[slot] = (long) hash << 32 | (at + 1L); // added again: the new entry replaces it
                    return;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = (long) hash << 32 | (at + 1L);
            if (++size * 2 > table.length) {
                grow();
            }
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int shift = shift(table.length);
            for (long e : old) {
                if (e != 0) {
                    int slot = slot((int) (e >>> 32), shift);
                    while (table[slot] != 0) {
                        slot = (slot + 1) & (table.length - 1);
                    }
                    table[slot] = e;
                }
            }
        }

        PolicyRows build() {
            return new PolicyRows(table.clone(), shift(table.length), size, Arrays.copyOf(data, used));
        }
    }

    /** The shift that maps a hash to a slot of a table of {@code length} (a power of two) slots. */
    private static int shift(int length) {
        return 32 - Integer.numberOfTrailingZeros(length);
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
                if (keyIs(data, at, key)) {
                    return at + 1 + keyWords(key.length());
                }
            }
        }
    }

    /** Whether the id stored at {@code at} of {@code data} (its length, then eight chars a word: ids are ASCII) is {@code key}. */
    private static boolean keyIs(long[] data, int at, String key) {
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

    /** The header word of a row. */
    static long header(int zone, boolean doNotContact, int channelMask, int facts) {
        return zone | (doNotContact ? 1L << 16 : 0) | (long) facts << 24 | (long) channelMask << 32;
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
