package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.Collection;
import java.util.List;


/** Opportunities on JPA; pages are keyset-paged by id. Thread-safe. */
final class JpaOpportunities extends JpaRepository<Opportunity, OpportunityId, OpportunityEntity>
        implements OpportunityRepository {

    JpaOpportunities(Transactions tx, StoreSettings settings) {
        super(tx, settings, OpportunityEntity.class, Opportunity.class, "Opportunity");
    }

    @Override
    String key(OpportunityId id) {
        return id.value();
    }

    @Override
    OpportunityEntity newEntity() {
        return new OpportunityEntity();
    }

    @Override
    void copyColumns(Opportunity o, OpportunityEntity e) {
        e.customerId = o.customerId().value();
        e.pipelineId = o.pipelineId().value();
        e.stage = o.stage();
        e.status = o.status().name();
        e.ownerId = o.owner().value();
    }

    @Override
    public List<Opportunity> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Opportunity").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    @Override
    public Page<Opportunity> findByOwner(StaffId owner, OpportunityStatus status, PageRequest page) {
        Check.notNull(owner, "owner");
        Check.notNull(page, "page");
        return tx.run(em -> Jpql.from("Opportunity")
                .and("e.ownerId = :o", "o", owner.value())
                .and("e.status = :s", "s", status == null ? null : status.name())
                .pageById(em, page, OpportunityId::of, this::fromRows, o -> o.id().value()));
    }

    @Override
    public Page<Opportunity> findByStage(PipelineId pipelineId, String stage, PageRequest page) {
        Check.notNull(pipelineId, "pipelineId");
        Check.notNull(stage, "stage");
        Check.notNull(page, "page");
        return tx.run(em -> Jpql.from("Opportunity")
                .and("e.pipelineId = :p", "p", pipelineId.value())
                .and("e.stage = :st", "st", stage)
                .pageById(em, page, OpportunityId::of, this::fromRows, o -> o.id().value()));
    }

    /** One statement per batch (the default would ask once per customer). */
    @Override
    public List<Opportunity> findByCustomers(Collection<CustomerId> customerIds) {
        List<String> ids = Batch.ids(customerIds, "customerIds").stream().map(CustomerId::value).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.run(em -> fromRows(Jpql.from("Opportunity").andAll("e.customerId in :c", "c", ids)
                .list(em, "e.id", 0)));
    }
}
