package io.crmkit.tck.faulty;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.TimelineCursor;
import java.util.List;
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
}
