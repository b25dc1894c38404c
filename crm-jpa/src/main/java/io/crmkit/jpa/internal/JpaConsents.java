package io.crmkit.jpa.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.spi.ConsentRepository;

/** Consent records on JPA. Thread-safe. */
final class JpaConsents extends JpaRepository<ConsentRecord, ConsentId, ConsentEntity> implements ConsentRepository {

    JpaConsents(Transactions tx, StoreSettings settings) {
        super(tx, settings, ConsentEntity.class, ConsentRecord.class, "Consent");
    }

    @Override
    String key(ConsentId id) {
        return id.value();
    }

    @Override
    ConsentEntity newEntity() {
        return new ConsentEntity();
    }

    @Override
    void copyColumns(ConsentRecord c, ConsentEntity e) {
        e.customerId = c.customerId().value();
        e.point = c.point().name();
        e.purpose = c.purpose().name();
    }

    @Override
    void checkKeys(EntityManager em, ConsentRecord c) {
        boolean taken = em.createQuery("select e.id from Consent e where e.customerId = :c and e.point = :k and e.purpose = :p",
                String.class).setParameter("c", c.customerId().value()).setParameter("k", c.point().name())
                .setParameter("p", c.purpose().name()).getResultStream().anyMatch(h -> !h.equals(c.id().value()));
        if (taken) {
            throw new DuplicateKeyException("Consent", "consentKey");
        }
    }

    @Override
    public Optional<ConsentRecord> find(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose) {
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        return tx.run(em -> fromRows(Jpql.from("Consent")
                .andAll("e.customerId = :c and e.point = :k and e.purpose = :p", "c", customerId.value(), "k", point.name(),
                        "p", purpose.name())
                .list(em, "e.id", 1)).stream().findFirst());
    }

    @Override
    public List<ConsentRecord> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Consent").and("e.customerId = :c", "c", customerId.value()).list(em, "e.id", 0)));
    }

    @Override
    public List<ConsentRecord> findByCustomers(Collection<CustomerId> customerIds) {
        Check.notNull(customerIds, "customerIds");
        Check.that(customerIds.size() <= MAX_BATCH, "customerIds", "Size", "must have at most " + MAX_BATCH + " entries");
        if (customerIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new TreeSet<>(customerIds).stream().map(CustomerId::value).toList();
        return tx.run(em -> fromRows(Jpql.from("Consent").andAll("e.customerId in (:ids)", "ids", ids)
                .list(em, "e.customerId, e.id", 0)));
    }
}
