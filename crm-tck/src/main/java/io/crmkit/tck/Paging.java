package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a keyset-paged query to its end, checking the page protocol on the way. */
final class Paging {
    /** A walk stops with a failure after this many pages, so a store whose cursor never advances cannot hang the kit. */
    private static final int MAX_PAGES = 500;

    private Paging() {}

    /**
     * Reads every page from the first, calling {@code between} after each page but the last, and
     * returns the items in the order read. Fails if a page is larger than asked, if a page without
     * items points to a next page, or if the walk does not end.
     */
    static <T> List<T> readAll(Function<PageRequest, Page<T>> query, int size, Runnable between) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int pages = 1; ; pages++) {
            Page<T> page = query.apply(request);
            assertThat(page.items()).as("page %s", pages).hasSizeLessThanOrEqualTo(size);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            assertThat(page.items()).as("page %s points to a next page, so it must not be empty", pages).isNotEmpty();
            assertThat(pages).as("pages read without reaching the last").isLessThan(MAX_PAGES);
            between.run();
            request = request.next(page);
        }
    }

    static <T> List<T> readAll(Function<PageRequest, Page<T>> query, int size) {
        return readAll(query, size, () -> {});
    }
}
