package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opportunities. Pages are in id order; the cursor is the last id. */
public interface OpportunityRepository extends Repository<Opportunity, OpportunityId> {
    /** The customer's opportunities, by id. */
    List<Opportunity> findByCustomer(CustomerId customerId);

    /** The owner's opportunities with the given status ({@code null}: any). */
    Page<Opportunity> findByOwner(StaffId owner, @Nullable OpportunityStatus status, PageRequest page);

    /** The opportunities in a stage of a pipeline. */
    Page<Opportunity> findByStage(PipelineId pipelineId, String stage, PageRequest page);

    /**
     * The opportunities of any of the customers, each once, by id: {@link #findByCustomer} for a batch of
     * up to {@link Batch#MAX_IDS} customers. The default asks once per customer; a store should answer
     * with one query per batch.
     *
     * @throws io.crmkit.core.error.ValidationException if the batch is null, holds a null id or too many
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    default List<Opportunity> findByCustomers(Collection<CustomerId> customerIds) {
        return Batch.perId(customerIds, "customerIds", this::findByCustomer, Opportunity::id);
    }
}
