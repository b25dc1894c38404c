package io.crmkit.core;

import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Pipelines and opportunities: open, move through stages, win or lose, with the history of every
 * stage change.
 *
 * <p>Thread-safe.
 */
public interface OpportunityService {
    /** Defines (or, with the same id, redefines) a pipeline with ordered stages. */
    Pipeline definePipeline(PipelineId id, String name, List<Stage> stages);

    List<Pipeline> pipelines();

    /**
     * Opens an opportunity in the pipeline's first open stage.
     *
     * @throws io.crmkit.core.error.ValidationException on bad input (negative amount, probability outside 0-100, unknown pipeline)
     */
    Opportunity open(NewOpportunity opportunity);

    /**
     * Moves an open opportunity to {@code stage} (forward or back), taking the stage's default
     * probability. Moving to a won or lost stage closes it; a lost stage needs a reason.
     *
     * @throws io.crmkit.core.error.ValidationException if the stage is not in the pipeline, the
     *     opportunity is already closed, or a lost move has no reason
     */
    Opportunity moveTo(OpportunityId id, String stage, @Nullable String reason);

    /** Moves to the pipeline's first won stage. */
    Opportunity win(OpportunityId id, @Nullable String reason);

    /** Moves to the pipeline's first lost stage; the reason is required. */
    Opportunity lose(OpportunityId id, String reason);

    /** Changes the amount and probability of an open opportunity. */
    Opportunity revise(OpportunityId id, Money amount, int probability);

    Opportunity get(OpportunityId id);

    Page<Opportunity> byOwner(StaffId owner, @Nullable OpportunityStatus status, PageRequest page);
}
