package io.crmkit.tck.faulty;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.AlertRepository;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.TimelineCursor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Stores with one classic defect each, built by breaking the in-memory store in a decorator. The
 * kit must fail on every one of them; {@code KitCatchesFaultyStoresTest} checks that it does.
 */
public final class FaultyStores {
    private FaultyStores() {}

    /** Saves overwrite whatever is stored: the version the caller read is ignored (lost updates). */
    public static CrmStore lastWriterWins() {
        CrmStore base = InMemoryCrmStore.create();
        CustomerRepository customers = new DelegatingCustomerRepository(base.customers()) {
            @Override
            public Customer save(Customer c) {
                if (c.meta().version() == 0) {
                    return delegate.save(c);
                }
                return delegate.findById(c.id())
                        .map(current -> delegate.save(c.withMeta(c.meta().withVersion(current.meta().version()))))
                        .orElseGet(() -> delegate.save(c));
            }
        };
        return new DelegatingCrmStore(base) {
            @Override
            public CustomerRepository customers() {
                return customers;
            }
        };
    }

    /** inTransaction just runs the work: every write commits on its own, nothing rolls back. */
    public static CrmStore autoCommitTransactions() {
        return new DelegatingCrmStore(InMemoryCrmStore.create()) {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }

    /** The timeline cursor keeps the time but forgets the id, so the rest of a group of equal times is skipped. */
    public static CrmStore timelineCursorWithoutTieBreak() {
        CrmStore base = InMemoryCrmStore.create();
        InteractionRepository interactions = new DelegatingInteractionRepository(base.interactions()) {
            @Override
            public Page<Interaction> timeline(CustomerId customer, PageRequest page) {
                if (page.after() == null) {
                    return delegate.timeline(customer, page);
                }
                TimelineCursor cursor = TimelineCursor.decode(page.after());
                String lowest = new TimelineCursor(cursor.occurredAt(), InteractionId.of("0")).encode();
                return delegate.timeline(customer, new PageRequest(lowest, page.size()));
            }
        };
        return new DelegatingCrmStore(base) {
            @Override
            public InteractionRepository interactions() {
                return interactions;
            }
        };
    }

    /** Customer pages by offset instead of by key: rows inserted before the cursor shift the pages. */
    public static CrmStore offsetPaging() {
        CrmStore base = InMemoryCrmStore.create();
        CustomerRepository customers = new DelegatingCustomerRepository(base.customers()) {
            @Override
            public Page<Customer> find(CustomerQuery query, PageRequest page) {
                int offset = page.after() == null ? 0 : Integer.parseInt(page.after());
                List<Customer> rows;
                try (Stream<Customer> all = delegate.stream(query)) {
                    rows = all.skip(offset).limit(page.size() + 1L).toList();
                }
                return Page.of(rows, page.size(), c -> String.valueOf(offset + page.size()));
            }
        };
        return new DelegatingCrmStore(base) {
            @Override
            public CustomerRepository customers() {
                return customers;
            }
        };
    }

    /**
     * The owner index is only ever added to: an alert stays on its first owner's open list after it is
     * resolved or handed to someone else (an index maintained on insert but not on update).
     */
    public static CrmStore staleOpenAlertIndex() {
        CrmStore base = InMemoryCrmStore.create();
        Map<StaffId, Set<io.crmkit.core.alert.AlertId>> everOwned = new ConcurrentHashMap<>();
        AlertRepository alerts = new DelegatingAlertRepository(base.alerts()) {
            @Override
            public Alert save(Alert a) {
                Alert stored = delegate.save(a);
                if (stored.owner() != null) {
                    everOwned.computeIfAbsent(stored.owner(), o -> ConcurrentHashMap.newKeySet()).add(stored.id());
                }
                return stored;
            }

            @Override
            public List<Alert> findOpenByOwner(StaffId owner, int limit) {
                return everOwned.getOrDefault(owner, Set.of()).stream().map(delegate::findById)
                        .flatMap(java.util.Optional::stream)
                        .sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::id)).limit(limit).toList();
            }
        };
        return new DelegatingCrmStore(base) {
            @Override
            public AlertRepository alerts() {
                return alerts;
            }
        };
    }

    /**
     * Alerts are written on a connection of their own: a save inside a transaction commits at once and
     * stays when the transaction rolls back (an alert table outside the unit of work).
     */
    public static CrmStore alertsOutsideTransactions() {
        CrmStore base = InMemoryCrmStore.create();
        AlertRepository alerts = new DelegatingAlertRepository(base.alerts()) {
            @Override
            public Alert save(Alert a) {
                try {
                    return CompletableFuture.supplyAsync(() -> delegate.save(a)).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        };
        return new DelegatingCrmStore(base) {
            @Override
            public AlertRepository alerts() {
                return alerts;
            }
        };
    }
}
