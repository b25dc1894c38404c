package io.crmkit.core.internal;

import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Pages filtered by what the actor may see, for queries a store cannot filter itself: reads on
 * until the page is full or the source ends, so a page is never empty while more follow, and the
 * cursor is always the last item returned — never the id of a record the actor may not see.
 */
final class ScopedPages {
    private ScopedPages() {}

    static <T> Page<T> filter(Function<PageRequest, Page<T>> source, Predicate<T> keep, UnaryOperator<T> view,
            PageRequest page, Function<T, String> cursorOf) {
        List<T> kept = new ArrayList<>(page.size() + 1);
        PageRequest next = new PageRequest(page.after(), Math.min(PageRequest.MAX_SIZE, page.size() + 1));
        while (true) {
            Page<T> raw = source.apply(next);
            for (T item : raw.items()) {
                if (keep.test(item)) {
                    kept.add(item);
                    if (kept.size() > page.size()) {
                        List<T> items = kept.subList(0, page.size()).stream().map(view).toList();
                        return new Page<>(items, cursorOf.apply(kept.get(page.size() - 1)));
                    }
                }
            }
            if (!raw.hasNext()) {
                return new Page<>(kept.stream().map(view).toList(), null);
            }
            next = new PageRequest(raw.nextCursor(), next.size());
        }
    }
}
