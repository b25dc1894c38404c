package io.crmkit.core.memory;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every customer in id order, in chunks of parallel arrays holding each customer with its owner and
 * unit as small numbers. A page walk reads a chunk's numbers one after the other and touches only
 * the customers it keeps, so the rows a scope skips cost an array read each instead of a tree step
 * and an object (a branch manager's page skips about three rows for each it keeps). Chunks are
 * found by a tree keyed by a lower bound of their ids; an insert shifts at most one chunk.
 *
 * <p>Not thread-safe: guarded by the store's lock like the other indexes.
 */
final class IdOrderedRows {
    private static final int CHUNK = 128;
    private final TreeMap<CustomerId, Chunk> chunks = new TreeMap<>();
    private int size;

    /** Decides on one row from its numbers (and the customer, read only if needed); true stops the walk. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(int owner, int unit, Customer customer);
    }

    int size() {
        return size;
    }

    /** Adds or replaces the customer with {@code c}'s id. */
    void put(Customer c, int owner, int unit) {
        CustomerId id = c.id();
        Map.Entry<CustomerId, Chunk> e = chunks.floorEntry(id);
        if (e == null) {
            e = chunks.firstEntry();
            if (e == null) {
                Chunk first = new Chunk();
                first.insert(0, c, owner, unit);
                chunks.put(id, first);
                size++;
                return;
            }
            // before every chunk: the first chunk takes it and is keyed by it
            chunks.remove(e.getKey());
            chunks.put(id, e.getValue());
        }
        Chunk chunk = e.getValue();
        int at = chunk.find(id);
        if (at >= 0) {
            chunk.set(at, c, owner, unit);
            return;
        }
        at = -at - 1;
        if (chunk.size == CHUNK) {
            if (at == CHUNK) { // past the end of a full chunk (ids added in order): a new chunk
                Chunk next = new Chunk();
                next.insert(0, c, owner, unit);
                chunks.put(id, next);
                size++;
                return;
            }
            Chunk right = chunk.splitHalf();
            chunks.put(right.ids[0], right);
            if (at > chunk.size) {
                at -= chunk.size;
                chunk = right;
            }
        }
        chunk.insert(at, c, owner, unit);
        size++;
    }

    /** Removes the customer with this id, if present. */
    void remove(CustomerId id) {
        Map.Entry<CustomerId, Chunk> e = chunks.floorEntry(id);
        if (e == null) {
            return;
        }
        Chunk chunk = e.getValue();
        int at = chunk.find(id);
        if (at < 0) {
            return;
        }
        chunk.remove(at);
        size--;
        if (chunk.size == 0) {
            chunks.remove(e.getKey());
        }
    }

    /** Visits the rows after {@code after} (all, if null) in id order until the visitor returns true. */
    void walk(@Nullable CustomerId after, Visitor visitor) {
        Iterable<Chunk> rest;
        int start = 0;
        Map.Entry<CustomerId, Chunk> e = after == null ? null : chunks.floorEntry(after);
        if (e == null) {
            rest = chunks.values();
        } else {
            int at = e.getValue().find(after);
            start = at >= 0 ? at + 1 : -at - 1;
            if (visit(e.getValue(), start, visitor)) {
                return;
            }
            start = 0;
            rest = chunks.tailMap(e.getKey(), false).values();
        }
        for (Chunk chunk : rest) {
            if (visit(chunk, start, visitor)) {
                return;
            }
        }
    }

    private static boolean visit(Chunk chunk, int from, Visitor visitor) {
        for (int i = from; i < chunk.size; i++) {
            if (visitor.visit(chunk.owners[i], chunk.units[i], chunk.customers[i])) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@link #CHUNK} rows in id order; arrays in step. */
    private static final class Chunk {
        final CustomerId[] ids = new CustomerId[CHUNK];
        final Customer[] customers = new Customer[CHUNK];
        final int[] owners = new int[CHUNK];
        final int[] units = new int[CHUNK];
        int size;

        /** The index of {@code id}, or {@code -(insertion point) - 1}. */
        int find(CustomerId id) {
            return Arrays.binarySearch(ids, 0, size, id);
        }

        void set(int at, Customer c, int owner, int unit) {
            ids[at] = c.id();
            customers[at] = c;
            owners[at] = owner;
            units[at] = unit;
        }

        void insert(int at, Customer c, int owner, int unit) {
            int tail = size - at;
            System.arraycopy(ids, at, ids, at + 1, tail);
            System.arraycopy(customers, at, customers, at + 1, tail);
            System.arraycopy(owners, at, owners, at + 1, tail);
            System.arraycopy(units, at, units, at + 1, tail);
            set(at, c, owner, unit);
            size++;
        }

        void remove(int at) {
            int tail = size - at - 1;
            System.arraycopy(ids, at + 1, ids, at, tail);
            System.arraycopy(customers, at + 1, customers, at, tail);
            System.arraycopy(owners, at + 1, owners, at, tail);
            System.arraycopy(units, at + 1, units, at, tail);
            size--;
            ids[size] = null;
            customers[size] = null;
        }

        /** Moves the upper half into a new chunk and returns it. */
        Chunk splitHalf() {
            Chunk right = new Chunk();
            int keep = size / 2;
            int moved = size - keep;
            System.arraycopy(ids, keep, right.ids, 0, moved);
            System.arraycopy(customers, keep, right.customers, 0, moved);
            System.arraycopy(owners, keep, right.owners, 0, moved);
            System.arraycopy(units, keep, right.units, 0, moved);
            Arrays.fill(ids, keep, size, null);
            Arrays.fill(customers, keep, size, null);
            right.size = moved;
            size = keep;
            return right;
        }
    }
}
