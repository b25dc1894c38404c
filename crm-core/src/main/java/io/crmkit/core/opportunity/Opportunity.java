package io.crmkit.core.opportunity;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.StaffId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sales opportunity (客户机会): a customer, a pipeline and its current stage, amount, win
 * probability, expected close date, owner, source, the lost reason, and the history of every stage
 * change. Stage moves go through {@code OpportunityService}, which checks the stage is in the
 * pipeline and keeps status and history in step.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the name.
 *
 * @param id the opportunity id
 * @param customerId the customer
 * @param pipelineId the pipeline
 * @param name a short description ("Gold fund switch")
 * @param stage the current stage code
 * @param status open, won or lost: the outcome of the current stage
 * @param amount the expected amount, not negative
 * @param probability win probability in percent
 * @param expectedClose expected close date, or {@code null}
 * @param owner the staff member who owns it
 * @param source where it came from
 * @param sourceRef the campaign id, referring customer id or lead id, or {@code null}
 * @param lostReason why it was lost, or {@code null}
 * @param history every stage change, oldest first
 * @param meta version and bookkeeping
 */
public record Opportunity(OpportunityId id, CustomerId customerId, PipelineId pipelineId, String name, String stage,
        OpportunityStatus status, Money amount, int probability, @Nullable LocalDate expectedClose, StaffId owner,
        OpportunitySource source, @Nullable String sourceRef, @Nullable String lostReason, List<StageChange> history,
        Meta meta) implements Aggregate<OpportunityId, Opportunity> {
    public Opportunity {
        Check.Violations v = Check.collect();
        v.notNull(id, "id");
        v.notNull(customerId, "customerId");
        v.notNull(pipelineId, "pipelineId");
        v.notBlank(name, "name", Check.MAX_SHORT);
        v.notBlank(stage, "stage", 32);
        v.notNull(status, "status");
        if (v.notNull(amount, "amount")) {
            v.that(!amount.isNegative(), "amount", "NotNegative", "must not be negative");
        }
        v.that(probability >= 0 && probability <= 100, "probability", "Range", "must be between 0 and 100");
        v.notNull(owner, "owner");
        v.notNull(source, "source");
        v.optionalText(sourceRef, "sourceRef", 64);
        v.optionalText(lostReason, "lostReason", Check.MAX_SHORT);
        v.that(status != OpportunityStatus.LOST || lostReason != null, "lostReason", "RequiredWhenLost",
                "must be given when the opportunity is lost");
        history = v.list(history, "history");
        v.notNull(meta, "meta");
        v.throwIfAny();
    }

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /** The amount weighted by the win probability, for pipeline forecasts. */
    public Money weightedAmount() {
        return new Money(amount.amount().multiply(java.math.BigDecimal.valueOf(probability))
                .divide(java.math.BigDecimal.valueOf(100), Money.MAX_SCALE, java.math.RoundingMode.HALF_EVEN),
                amount.currency());
    }

    /** A copy moved to {@code change.to()}, with the change appended (used by the stage operation). */
    public Opportunity movedTo(StageChange change, OpportunityStatus newStatus, @Nullable String newLostReason) {
        List<StageChange> next = new ArrayList<>(history);
        next.add(change);
        return new Opportunity(id, customerId, pipelineId, name, change.to(), newStatus, amount, change.probability(),
                expectedClose, owner, source, sourceRef, newLostReason, next, meta);
    }

    public Opportunity withAmount(Money value) {
        return new Opportunity(id, customerId, pipelineId, name, stage, status, value, probability, expectedClose, owner,
                source, sourceRef, lostReason, history, meta);
    }

    public Opportunity withExpectedClose(@Nullable LocalDate value) {
        return new Opportunity(id, customerId, pipelineId, name, stage, status, amount, probability, value, owner,
                source, sourceRef, lostReason, history, meta);
    }

    public Opportunity withOwner(StaffId value) {
        return new Opportunity(id, customerId, pipelineId, name, stage, status, amount, probability, expectedClose,
                value, source, sourceRef, lostReason, history, meta);
    }

    public Opportunity withProbability(int value) {
        return new Opportunity(id, customerId, pipelineId, name, stage, status, amount, value, expectedClose, owner,
                source, sourceRef, lostReason, history, meta);
    }

    @Override
    public Opportunity withMeta(Meta value) {
        return new Opportunity(id, customerId, pipelineId, name, stage, status, amount, probability, expectedClose,
                owner, source, sourceRef, lostReason, history, value);
    }

    @Override
    public String toString() {
        return "Opportunity[id=" + id + ", customerId=" + customerId + ", pipelineId=" + pipelineId + ", stage=" + stage
                + ", status=" + status + ", amount=" + amount + ", probability=" + probability + ", owner=" + owner
                + ", version=" + meta.version() + "]";
    }
}
