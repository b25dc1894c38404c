package io.crmkit.core.opportunity;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.StaffId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The input to open an opportunity. It starts in the pipeline's first open stage with that stage's
 * default probability unless {@code probability} is given.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param pipelineId the pipeline
 * @param name a short description
 * @param amount expected amount, not negative
 * @param expectedClose expected close date, or {@code null}
 * @param owner the owner; {@code null} means the acting staff member
 * @param source where it came from
 * @param sourceRef campaign id, referrer's customer id or lead id, or {@code null}
 * @param probability a probability other than the stage default, 0-100, or {@code null}
 */
public record NewOpportunity(@NotNull CustomerId customerId, @NotNull PipelineId pipelineId,
        @NotBlank @Size(max = 200) String name, @NotNull Money amount, @Nullable LocalDate expectedClose,
        @Nullable StaffId owner, @NotNull OpportunitySource source, @Size(max = 64) @Nullable String sourceRef,
        @Min(0) @Max(100) @Nullable Integer probability) {

    public static NewOpportunity of(CustomerId customerId, PipelineId pipelineId, String name, Money amount,
            OpportunitySource source) {
        return new NewOpportunity(customerId, pipelineId, name, amount, null, null, source, null, null);
    }

    public NewOpportunity expectedClose(LocalDate value) {
        return new NewOpportunity(customerId, pipelineId, name, amount, value, owner, source, sourceRef, probability);
    }

    public NewOpportunity owner(StaffId value) {
        return new NewOpportunity(customerId, pipelineId, name, amount, expectedClose, value, source, sourceRef, probability);
    }

    public NewOpportunity sourceRef(String value) {
        return new NewOpportunity(customerId, pipelineId, name, amount, expectedClose, owner, source, value, probability);
    }

    public NewOpportunity probability(int value) {
        return new NewOpportunity(customerId, pipelineId, name, amount, expectedClose, owner, source, sourceRef, value);
    }

    /** Ids and codes only: the name and source reference are free text. */
    @Override
    public String toString() {
        return "NewOpportunity[customerId=" + customerId + ", pipelineId=" + pipelineId + ", owner=" + owner
                + ", source=" + source + ", ***]";
    }
}
