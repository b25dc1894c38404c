package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
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
}
