package io.crmkit.tck.assertions;

import io.crmkit.core.spi.Page;
import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on one page of a keyset-paged query; obtain one from {@link CrmAssertions#assertThat(Page)}.
 *
 * @param <T> the item type
 */
public final class PageAssert<T> extends AbstractObjectAssert<PageAssert<T>, Page<T>> {
    PageAssert(Page<T> actual) {
        super(actual, PageAssert.class);
    }

    /** The page holds exactly these items, in this order. */
    public PageAssert<T> hasItems(List<T> expected) {
        isNotNull();
        if (!actual.items().equals(expected)) {
            failWithMessage("Expected the page to hold, in order,%n  %s%nbut it holds%n  %s", expected, actual.items());
        }
        return myself;
    }

    /** A cursor to a next page is given. */
    public PageAssert<T> hasNext() {
        isNotNull();
        if (!actual.hasNext()) {
            failWithMessage("Expected a next-page cursor, but the page of %s items is marked last", actual.items().size());
        }
        return myself;
    }

    /** No cursor to a next page is given. */
    public PageAssert<T> isLast() {
        isNotNull();
        if (actual.hasNext()) {
            failWithMessage("Expected the last page, but it has next-page cursor <%s>", actual.nextCursor());
        }
        return myself;
    }
}
