package io.crmkit.core.cache;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;

/** Tier definitions read through a cache; the per-customer history is not cached. Thread-safe. */
final class CachingTiers implements TierRepository {
    private static final String ALL = "tiers:all";
    private final TierRepository delegate;
    private final Cache<String, List<TierDefinition>> definitions;
    private final WriteTracker tracker;

    CachingTiers(TierRepository delegate, Cache<String, List<TierDefinition>> definitions, WriteTracker tracker) {
        this.delegate = delegate;
        this.definitions = definitions;
        this.tracker = tracker;
    }

    @Override
    public List<TierDefinition> definitions() {
        if (tracker.writtenInTransaction(ALL)) {
            return delegate.definitions();
        }
        if (tracker.inTransaction()) {
            List<TierDefinition> hit = definitions.getIfPresent(ALL);
            return hit != null ? hit : delegate.definitions();
        }
        return definitions.get(ALL, k -> List.copyOf(delegate.definitions()));
    }

    @Override
    public void saveDefinition(TierDefinition definition) {
        tracker.written(definitions::invalidateAll, ALL);
        try {
            delegate.saveDefinition(definition);
        } finally {
            definitions.invalidateAll();
        }
    }

    @Override
    public void append(TierAssignment assignment) {
        delegate.append(assignment);
    }

    @Override
    public List<TierAssignment> history(CustomerId customerId) {
        return delegate.history(customerId);
    }

    @Override
    public java.util.Optional<TierAssignment> current(CustomerId customerId) {
        return delegate.current(customerId);
    }

    @Override
    public java.util.Map<CustomerId, TierAssignment> currentOf(java.util.Collection<CustomerId> customerIds) {
        return delegate.currentOf(customerIds);
    }

    @Override
    public int replaceReasons(CustomerId customerId, String replacement) {
        return delegate.replaceReasons(customerId, replacement);
    }

    @Override
    public void moveHistory(CustomerId from, CustomerId to, List<TierAssignment> entries) {
        delegate.moveHistory(from, to, entries);
    }
}
