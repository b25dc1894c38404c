package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.RelationshipRepository;
import java.util.Collection;
import java.util.List;


/** Relationships on JPA. Thread-safe. */
final class JpaRelationships extends JpaRepository<Relationship, RelationshipId, RelationshipEntity> implements RelationshipRepository {

    JpaRelationships(Transactions tx, StoreSettings settings) {
        super(tx, settings, RelationshipEntity.class, Relationship.class, "Relationship");
    }

    @Override
    String key(RelationshipId id) {
        return id.value();
    }

    @Override
    RelationshipEntity newEntity() {
        return new RelationshipEntity();
    }

    @Override
    void copyColumns(Relationship a, RelationshipEntity e) {
        e.fromId = a.from().value();
        e.toId = a.to().value();
    }

    @Override
    public List<Relationship> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Relationship")
                .andAll("(e.fromId = :c or e.toId = :c)", "c", customerId.value()).list(em, "e.id", 0)));
    }

    /** One statement per batch (the kit's default would ask once per customer). */
    @Override
    public List<Relationship> findByCustomers(Collection<CustomerId> customerIds) {
        List<String> ids = Batch.ids(customerIds, "customerIds").stream().map(CustomerId::value).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.run(em -> fromRows(Jpql.from("Relationship")
                .andAll("(e.fromId in :c or e.toId in :c)", "c", ids).list(em, "e.id", 0)));
    }
}
