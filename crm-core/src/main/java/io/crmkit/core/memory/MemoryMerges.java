package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.spi.MergeRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Merge records with an index by each of their two customers. */
final class MemoryMerges extends MemoryTable<MergeRecord, MergeId> implements MergeRepository {
    private final Map<CustomerId, TreeSet<MergeId>> byCustomer = new HashMap<>();

    MemoryMerges(InMemoryCrmStore store) {
        super(store, "MergeRecord");
    }

    @Override
    void index(MergeRecord m) {
        add(byCustomer, m.survivor(), m.id());
        add(byCustomer, m.duplicate(), m.id());
    }

    @Override
    void unindex(MergeRecord m) {
        remove(byCustomer, m.survivor(), m.id());
        remove(byCustomer, m.duplicate(), m.id());
    }

    @Override
    public List<MergeRecord> findByCustomer(CustomerId customer) {
        Check.notNull(customer, "customer");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customer, new TreeSet<>()).stream().map(rows::get).toList()),
                m -> customer.equals(m.survivor()) || customer.equals(m.duplicate()));
    }
}
