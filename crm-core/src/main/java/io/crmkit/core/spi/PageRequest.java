package io.crmkit.core.spi;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * Which page to read: after an opaque cursor from the previous {@link Page}, with a size of 1 to
 * {@value #MAX_SIZE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param after the previous page's cursor, or {@code null} for the first page
 * @param size items per page
 */
public record PageRequest(@Nullable String after, int size) {
    public static final int MAX_SIZE = 1_000;

    public PageRequest {
        Check.range(size, 1, MAX_SIZE, "size");
        Check.that(after == null || (after.length() <= 200 && !after.isEmpty()), "after", "Cursor", "is not a cursor of this library");
    }

    public static PageRequest first(int size) {
        return new PageRequest(null, size);
    }

    public PageRequest next(Page<?> page) {
        return new PageRequest(Check.notNull(page.nextCursor(), "nextCursor"), size);
    }
}
