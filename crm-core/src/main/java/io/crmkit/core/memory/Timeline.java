package io.crmkit.core.memory;

import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's interactions in a sorted array (ascending occurredAt, then id). A page is a
 * binary search and a copy of adjacent references, which stays cache-friendly when the heap holds
 * tens of millions of rows; a tree would cost a pointer chase per item. Inserting shifts the tail,
 * which is cheap at the sizes one customer's timeline reaches. Guarded by the store's lock.
 */
final class Timeline {
    private Interaction[] items = new Interaction[4];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Interaction row) {
        int at = search(row.occurredAt(), row.id());
        if (at >= 0) {
            items[at] = row;
            return;
        }
        int insert = -at - 1;
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        System.arraycopy(items, insert, items, insert + 1, size - insert);
        items[insert] = row;
        size++;
    }

    void remove(Interaction row) {
        int at = search(row.occurredAt(), row.id());
        if (at >= 0) {
            System.arraycopy(items, at + 1, items, at, size - at - 1);
            items[--size] = null;
        }
    }

    /**
     * Up to {@code limit} items newest first, starting just before the position {@code (at, id)}
     * (exclusive), or from the newest when {@code at} is null.
     */
    List<Interaction> newestFirst(@Nullable Instant at, @Nullable InteractionId id, int limit) {
        int from;
        if (at == null) {
            from = size - 1;
        } else {
            int pos = search(at, id);
            from = pos >= 0 ? pos - 1 : -pos - 2;
        }
        int n = Math.max(0, Math.min(limit, from + 1));
        List<Interaction> out = new ArrayList<>(n);
        for (int i = from; i > from - n; i--) {
            out.add(items[i]);
        }
        return out;
    }

    /** Binary search on (occurredAt, id): the index, or (-(insertion point) - 1). */
    private int search(Instant at, @Nullable InteractionId id) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Interaction m = items[mid];
            int c = m.occurredAt().compareTo(at);
            if (c == 0) {
                c = id == null ? -1 : m.id().compareTo(id);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
