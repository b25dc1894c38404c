package io.crmkit.micrometer;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Clock;

import io.crmkit.core.error.StoreException;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.PendingRequestRepository;

/**
 * The number of pending maker-checker requests, counted by paging through the SPI and reused for a
 * refresh interval so that a scrape every few seconds does not page through the table each time.
 * Counting stops at {@value #MAX} (a backlog that size is an alarm whatever the exact figure).
 *
 * <p>Thread-safe.
 */
final class PendingCount {
    static final int MAX = 1_000_000;
    private static final int PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(PendingCount.class);

    private final CrmStore store;
    private final long refreshNanos;
    private final Clock clock;
    private double value = Double.NaN;
    private long countedAt;

    private PendingCount(CrmStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.refreshNanos = refresh.toNanos();
        this.clock = clock;
    }

    /** A counter over {@code store}'s pending requests, or {@code null} when it keeps none. */
    static @Nullable PendingCount of(CrmStore store, Duration refresh, Clock clock) {
        try {
            store.approvals();
        } catch (StoreException e) {
            return null;
        }
        return new PendingCount(store, refresh, clock);
    }

    synchronized double value() {
        long now = clock.monotonicTime();
        if (Double.isNaN(value) || now - countedAt >= refreshNanos) {
            try {
                value = count();
            } catch (RuntimeException e) {
                LOG.warn("cannot count pending approvals: {}", e.getClass().getName());
                value = Double.NaN;
            }
            countedAt = now;
        }
        return value;
    }

    private long count() {
        PendingRequestRepository approvals = store.approvals();
        long n = 0;
        PageRequest page = PageRequest.first(PAGE);
        while (n < MAX) {
            PageRequest current = page;
            Page<?> p = store.inTransaction(() -> approvals.findAllPending(current));
            n += p.items().size();
            if (!p.hasNext()) {
                return n;
            }
            page = new PageRequest(p.nextCursor(), PAGE);
        }
        return n;
    }
}
