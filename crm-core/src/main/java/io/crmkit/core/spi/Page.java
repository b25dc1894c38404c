package io.crmkit.core.spi;

import io.crmkit.core.check.Check;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged query: the items and, when more may follow, the opaque cursor to
 * pass as {@link PageRequest#after()} for the next page. Keyset paging never repeats an item and
 * never skips one that existed when the first page was read, even while rows are inserted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the items of this page, in the query's order
 * <p>{@code nextCursor} is {@code null} exactly when no item follows: a last page that happens to
 * be full carries no cursor (stores fetch one row more than the page size to know, see
 * {@link #of}), and a page with a cursor is never followed by an empty one.
 *
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @param <T> item type
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
    public Page {
        items = Check.list(items, "items");
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    /** Builds a page from up to {@code size + 1} fetched rows: the extra row only signals that more follow. */
    public static <T> Page<T> of(List<T> fetched, int size, java.util.function.Function<T, String> cursorOf) {
        if (fetched.size() > size) {
            List<T> items = fetched.subList(0, size);
            return new Page<>(items, cursorOf.apply(items.get(size - 1)));
        }
        return new Page<>(fetched, null);
    }
}
