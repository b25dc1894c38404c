package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.RelationshipRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Relationships indexed by both sides. */
final class MemoryRelationships extends MemoryTable<Relationship, RelationshipId> implements RelationshipRepository {
    private final Map<CustomerId, TreeSet<RelationshipId>> byCustomer = new HashMap<>();

    MemoryRelationships(InMemoryCrmStore store) {
        super(store, "Relationship");
    }

    @Override
    void index(Relationship r) {
        add(byCustomer, r.from(), r.id());
        add(byCustomer, r.to(), r.id());
    }

    @Override
    void unindex(Relationship r) {
        remove(byCustomer, r.from(), r.id());
        remove(byCustomer, r.to(), r.id());
    }

    @Override
    public List<Relationship> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                r -> customerId.equals(r.from()) || customerId.equals(r.to()));
    }

    /** One read lock for the whole batch. */
    @Override
    public List<Relationship> findByCustomers(Collection<CustomerId> customerIds) {
        List<CustomerId> ids = Batch.ids(customerIds, "customerIds");
        Set<CustomerId> wanted = new HashSet<>(ids);
        return seen(() -> store.read(() -> {
            TreeSet<RelationshipId> hits = new TreeSet<>();
            for (CustomerId id : ids) {
                TreeSet<RelationshipId> own = byCustomer.get(id);
                if (own != null) {
                    hits.addAll(own);
                }
            }
            return hits.stream().map(rows::get).toList();
        }), r -> wanted.contains(r.from()) || wanted.contains(r.to()));
    }
}
