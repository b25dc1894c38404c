package io.crmkit.jpa.internal;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.PendingRequestRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Pending requests on JPA. Thread-safe. */
final class JpaPendingRequests extends JpaRepository<PendingRequest, PendingRequestId, PendingRequestEntity>
        implements PendingRequestRepository {

    JpaPendingRequests(Transactions tx, StoreSettings settings) {
        super(tx, settings, PendingRequestEntity.class, PendingRequest.class, "PendingRequest");
    }

    @Override
    String key(PendingRequestId id) {
        return id.value();
    }

    @Override
    PendingRequestEntity newEntity() {
        return new PendingRequestEntity();
    }

    @Override
    void copyColumns(PendingRequest r, PendingRequestEntity e) {
        e.pendingKey = r.status() == RequestStatus.PENDING ? r.pendingKey() : null;
        e.customerId = r.customerId() == null ? null : r.customerId().value();
        e.status = r.status().name();
    }

    @Override
    void checkKeys(EntityManager em, PendingRequest r) {
        if (r.status() != RequestStatus.PENDING) {
            return;
        }
        List<String> holders = em.createQuery("select e.id from PendingRequest e where e.pendingKey = :k", String.class)
                .setParameter("k", r.pendingKey()).getResultList();
        if (holders.stream().anyMatch(h -> !h.equals(r.id().value()))) {
            throw new DuplicateKeyException("PendingRequest", "pending");
        }
    }

    @Override
    public Optional<PendingRequest> findPending(String pendingKey) {
        Check.notNull(pendingKey, "pendingKey");
        return tx.run(em -> fromRows(Jpql.from("PendingRequest").and("e.pendingKey = :k", "k", pendingKey).list(em, "e.id", 1))
                .stream().findFirst());
    }

    @Override
    public List<PendingRequest> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("PendingRequest").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    @Override
    public Page<PendingRequest> findAllPending(PageRequest page) {
        Check.notNull(page, "page");
        return tx.run(em -> Jpql.from("PendingRequest").and("e.status = :s", "s", RequestStatus.PENDING.name())
                .pageById(em, page, PendingRequestId::of, this::fromRows, r -> r.id().value()));
    }
}
