package io.crmkit.jpa.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;

/** Customers on JPA. Thread-safe. */
final class JpaCustomers extends JpaRepository<Customer, CustomerId, CustomerEntity> implements CustomerRepository {

    JpaCustomers(Transactions tx, StoreSettings settings) {
        super(tx, settings, CustomerEntity.class, Customer.class, "Customer");
    }

    @Override
    String key(CustomerId id) {
        return id.value();
    }

    @Override
    CustomerEntity newEntity() {
        return new CustomerEntity();
    }

    @Override
    void copyColumns(Customer c, CustomerEntity e) {
        e.type = c.type().name();
        e.lifecycle = c.lifecycle().name();
        e.ownerId = c.owner() == null ? null : c.owner().value();
        e.branchId = c.branch() == null ? null : c.branch().value();
        e.tierCode = c.tier() == null ? null : c.tier().value();
        Set<IdentifierKey> ids = new HashSet<>();
        for (Identifier i : c.identifiers()) {
            ids.add(keyOf(i));
        }
        // change the managed collections in place so Hibernate writes only the differences
        e.identifiers.retainAll(ids);
        e.identifiers.addAll(ids);
        e.tags.retainAll(c.tags());
        e.tags.addAll(c.tags());
    }

    @Override
    void checkKeys(EntityManager em, Customer c) {
        for (Identifier i : c.identifiers()) {
            List<String> holders = em.createQuery("select c.id from Customer c join c.identifiers i"
                    + " where i.type = :t and i.issuer = :s and i.value = :v", String.class)
                    .setParameter("t", i.type().name()).setParameter("s", i.issuer()).setParameter("v", i.value())
                    .getResultList();
            if (holders.stream().anyMatch(h -> !h.equals(c.id().value()))) {
                throw new DuplicateKeyException("Customer", "identifier");
            }
        }
    }

    @Override
    public Optional<Customer> findByIdentifier(Identifier identifier) {
        Check.notNull(identifier, "identifier");
        IdentifierKey k = keyOf(identifier);
        return tx.run(em -> fromRows(em.createQuery("select e.doc, e.version from Customer e join e.identifiers i"
                + " where i.type = :t and i.issuer = :s and i.value = :v", Object[].class)
                .setParameter("t", k.type).setParameter("s", k.issuer).setParameter("v", k.value)
                .getResultList()).stream().findFirst());
    }

    @Override
    public Page<Customer> find(CustomerQuery query, PageRequest page) {
        Check.notNull(query, "query");
        Check.notNull(page, "page");
        return tx.run(em -> filter(query).pageById(em, page, CustomerId::of, this::fromRows, c -> c.id().value()));
    }

    @Override
    public long count(CustomerQuery query) {
        Check.notNull(query, "query");
        return tx.run(em -> filter(query).count(em));
    }

    @Override
    public Stream<Customer> stream(CustomerQuery query) {
        Check.notNull(query, "query");
        return tx.stream(em -> filter(query).stream(em, "e.id", settings.fetchSize())
                .map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }

    private static Jpql filter(CustomerQuery q) {
        return Jpql.from("Customer")
                .and("e.ownerId = :owner", "owner", q.owner() == null ? null : q.owner().value())
                .and("e.branchId = :branch", "branch", q.branch() == null ? null : q.branch().value())
                .and("e.lifecycle = :lifecycle", "lifecycle", q.lifecycle() == null ? null : q.lifecycle().name())
                .and("e.tierCode = :tier", "tier", q.tier() == null ? null : q.tier().value())
                .and(":tag member of e.tags", "tag", q.tag())
                .scope(q.scope());
    }

    private static IdentifierKey keyOf(Identifier i) {
        return new IdentifierKey(i.type().name(), i.issuer(), i.value());
    }
}
