package io.crmkit.core.cache;

import java.util.Optional;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;

/** Customers read through a cache by id; every other call goes to the store. Thread-safe. */
final class CachingCustomers implements CustomerRepository {
    private final CustomerRepository delegate;
    private final Cache<CustomerId, Customer> cache;
    private final WriteTracker tracker;

    CachingCustomers(CustomerRepository delegate, Cache<CustomerId, Customer> cache, WriteTracker tracker) {
        this.delegate = delegate;
        this.cache = cache;
        this.tracker = tracker;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        if (tracker.writtenInTransaction(id)) {
            // a transaction sees its own writes, and never publishes what it has not committed
            return delegate.findById(id);
        }
        if (tracker.inTransaction()) {
            // hits are committed values; a miss is not cached, because the transaction's snapshot
            // may be older than a commit whose eviction already ran
            Customer hit = cache.getIfPresent(id);
            return hit != null ? Optional.of(hit) : delegate.findById(id);
        }
        // loaded under the entry's lock: an eviction after a commit waits for a load that began
        // before it and then removes what it loaded, so a stale value never outlives the eviction
        return Optional.ofNullable(cache.get(id, k -> delegate.findById(k).orElse(null)));
    }

    /**
     * Hits from the cache (not for ids the running transaction wrote), the misses from the store in
     * one batch. Misses are not cached: a batch put is not under the entries' locks, so it could
     * outlive a commit's eviction with a stale value.
     */
    @Override
    public java.util.Map<CustomerId, Customer> findByIds(java.util.Collection<CustomerId> ids) {
        java.util.List<CustomerId> keys = io.crmkit.core.spi.Batch.ids(ids, "ids");
        java.util.Map<CustomerId, Customer> found = new java.util.LinkedHashMap<>();
        java.util.List<CustomerId> misses = new java.util.ArrayList<>();
        for (CustomerId id : keys) {
            Customer hit = tracker.writtenInTransaction(id) ? null : cache.getIfPresent(id);
            if (hit == null) {
                misses.add(id);
            }
            found.put(id, hit); // keeps the order; filled or removed below
        }
        java.util.Map<CustomerId, Customer> loaded = misses.isEmpty() ? java.util.Map.of() : delegate.findByIds(misses);
        for (CustomerId id : misses) {
            Customer c = loaded.get(id);
            if (c == null) {
                found.remove(id);
            } else {
                found.put(id, c);
            }
        }
        return found;
    }

    @Override
    public Customer save(Customer aggregate) {
        tracker.written(() -> cache.invalidate(aggregate.id()), aggregate.id());
        try {
            return delegate.save(aggregate);
        } finally {
            cache.invalidate(aggregate.id());
        }
    }

    @Override
    public void delete(CustomerId id, long expectedVersion) {
        tracker.written(() -> cache.invalidate(id), id);
        try {
            delegate.delete(id, expectedVersion);
        } finally {
            cache.invalidate(id);
        }
    }

    @Override
    public String typeName() {
        return delegate.typeName();
    }

    @Override
    public Optional<Customer> findByIdentifier(Identifier identifier) {
        return delegate.findByIdentifier(identifier);
    }

    @Override
    public java.util.Map<Identifier, Customer> findByIdentifiers(java.util.Collection<Identifier> identifiers) {
        return delegate.findByIdentifiers(identifiers);
    }

    @Override
    public Page<Customer> find(CustomerQuery query, PageRequest page) {
        return delegate.find(query, page);
    }

    @Override
    public long count(CustomerQuery query) {
        return delegate.count(query);
    }

    @Override
    public Stream<Customer> stream(CustomerQuery query) {
        return delegate.stream(query);
    }
}
