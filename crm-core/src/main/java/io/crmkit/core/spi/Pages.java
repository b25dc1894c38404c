package io.crmkit.core.spi;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for stores: turn a keyset-paged query into a lazy stream that reads one chunk at a time,
 * so memory stays bounded however many rows there are.
 */
public final class Pages {
    private Pages() {}

    /**
     * A lazy stream over every page of {@code query}, fetching {@code chunk} items per call. Items
     * inserted behind the cursor while streaming are not seen; none is seen twice.
     */
    public static <T> Stream<T> stream(Function<PageRequest, Page<T>> query, int chunk) {
        Iterator<T> it = new Iterator<>() {
            private @Nullable PageRequest next = PageRequest.first(chunk);
            private List<T> items = List.of();
            private int pos;

            @Override
            public boolean hasNext() {
                while (pos >= items.size()) {
                    if (next == null) {
                        return false;
                    }
                    Page<T> page = query.apply(next);
                    items = page.items();
                    pos = 0;
                    next = page.hasNext() ? next.next(page) : null;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.get(pos++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
