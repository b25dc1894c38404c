package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.OpportunityService;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.opportunity.StageChange;
import io.crmkit.core.opportunity.StageOutcome;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link OpportunityService} over the store. Thread-safe. */
final class OpportunityServiceImpl implements OpportunityService {
    private final Engine engine;
    private final Actor actor;
    private final Access access;

    OpportunityServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public Pipeline definePipeline(PipelineId id, String name, List<Stage> stages) {
        Check.notNull(id, "id");
        // The record's checks name the field; build it before writing anything.
        Pipeline draft = new Pipeline(id, name, stages, Meta.created(engine.now(), actor.id()));
        return engine.write(access, Operation.PIPELINE_DEFINE, "Pipeline", id, Call.of("opportunities", "definePipeline", id, name, stages),
                null, draft, () -> {
            Optional<Pipeline> existing = engine.store.pipelines().findById(id);
            Pipeline next = existing.map(p -> new Pipeline(id, name, stages, p.meta().touched(engine.now(), actor.id())))
                    .orElse(draft);
            return engine.store.pipelines().save(next);
        });
    }

    @Override
    public List<Pipeline> pipelines() {
        return engine.store.pipelines().findAll();
    }

    @Override
    public Opportunity open(NewOpportunity n) {
        List<Violation> v = engine.validator.check(n, "opportunity");
        if (n != null) {
            if (n.amount() != null && n.amount().isNegative()) {
                v.add(Violation.of("amount", "NotNegative", "must not be negative"));
            }
            plausible(n.expectedClose(), engine.today().plusYears(30), "expectedClose", v);
            if (n.owner() == null && actor.staffId() == null) {
                v.add(Violation.of("owner", "NotNull", "is required when a system job opens an opportunity"));
            }
        }
        throwIfAny(v);
        return engine.write(access, Operation.OPPORTUNITY_WRITE, "Opportunity", null, Call.of("opportunities", "open", n), null, n, () -> {
            Optional<Pipeline> pipeline = engine.store.pipelines().findById(n.pipelineId());
            if (pipeline.isEmpty()) {
                throwIfAny(List.of(Violation.of("pipelineId", "Exists", "is not a defined pipeline")));
            }
            access.requireWritable(Operation.OPPORTUNITY_WRITE, n.customerId());
            Instant now = engine.now();
            Stage first = pipeline.get().firstStage();
            int probability = n.probability() != null ? n.probability() : first.probability();
            StaffId owner = n.owner() != null ? n.owner() : actor.staffId();
            StageChange opening = new StageChange(null, first.code(), probability, now, actor.id(), null);
            Opportunity o = new Opportunity(OpportunityId.of(engine.newId("Opportunity")), n.customerId(), n.pipelineId(),
                    n.name(), first.code(), OpportunityStatus.OPEN, n.amount(), probability, n.expectedClose(), owner,
                    n.source(), n.sourceRef(), null, List.of(opening), Meta.created(now, actor.id()));
            engine.guard(null, o, n.customerId());
            Opportunity saved = engine.store.opportunities().save(o);
            engine.emit(new CrmEvent.OpportunityStageChanged(now, actor.id(), saved.customerId(), saved.id(), null,
                    first.code(), OpportunityStatus.OPEN));
            return saved;
        });
    }

    @Override
    public Opportunity moveTo(OpportunityId id, String stage, @Nullable String reason) {
        Check.notNull(id, "id");
        Check.notNull(stage, "stage");
        Check.optionalText(reason, "reason", Check.MAX_SHORT);
        return engine.write(access, Operation.OPPORTUNITY_WRITE, "Opportunity", id, Call.of("opportunities", "moveTo", id, stage, reason),
                reason, stage, () -> {
            Opportunity current = get(id);
            access.requireWritable(Operation.OPPORTUNITY_WRITE, current.customerId());
            Pipeline pipeline = engine.store.pipelines().get(current.pipelineId());
            List<Violation> v = new ArrayList<>();
            Optional<Stage> target = pipeline.stage(stage);
            if (target.isEmpty()) {
                v.add(Violation.of("stage", "InPipeline", "is not a stage of pipeline " + pipeline.id()));
            }
            if (!current.isOpen()) {
                v.add(Violation.of("status", "Open", "the opportunity is already " + current.status()));
            }
            if (target.isPresent() && target.get().outcome() == StageOutcome.LOST && (reason == null || reason.isBlank())) {
                v.add(Violation.of("reason", "RequiredWhenLost", "must be given when the opportunity is lost"));
            }
            throwIfAny(v);
            if (current.stage().equals(stage)) {
                return current;
            }
            Stage to = target.get();
            Instant now = engine.now();
            OpportunityStatus status = OpportunityStatus.of(to.outcome());
            StageChange change = new StageChange(current.stage(), to.code(), to.probability(), now, actor.id(), reason);
            Opportunity next = current.movedTo(change, status, status == OpportunityStatus.LOST ? reason : null)
                    .withMeta(current.meta().touched(now, actor.id()));
            engine.guard(current, next, current.customerId());
            Opportunity saved = engine.store.opportunities().save(next);
            engine.emit(new CrmEvent.OpportunityStageChanged(now, actor.id(), saved.customerId(), saved.id(),
                    current.stage(), to.code(), status));
            return saved;
        });
    }

    @Override
    public Opportunity win(OpportunityId id, @Nullable String reason) {
        return moveTo(id, closingStage(id, StageOutcome.WON), reason);
    }

    @Override
    public Opportunity lose(OpportunityId id, String reason) {
        return moveTo(id, closingStage(id, StageOutcome.LOST), reason);
    }

    private String closingStage(OpportunityId id, StageOutcome outcome) {
        Check.notNull(id, "id");
        Pipeline pipeline = engine.store.pipelines().get(get(id).pipelineId());
        return pipeline.stages().stream().filter(s -> s.outcome() == outcome).findFirst().orElseThrow().code();
    }

    @Override
    public Opportunity revise(OpportunityId id, Money amount, int probability) {
        Check.notNull(id, "id");
        List<Violation> v = new ArrayList<>();
        if (amount == null) {
            v.add(Violation.of("amount", "NotNull", "must not be null"));
        } else if (amount.isNegative()) {
            v.add(Violation.of("amount", "NotNegative", "must not be negative"));
        }
        if (probability < 0 || probability > 100) {
            v.add(Violation.of("probability", "Range", "must be between 0 and 100"));
        }
        throwIfAny(v);
        return engine.write(access, Operation.OPPORTUNITY_WRITE, "Opportunity", id,
                Call.of("opportunities", "revise", id, amount, probability), null, amount, () -> {
            Opportunity current = get(id);
            access.requireWritable(Operation.OPPORTUNITY_WRITE, current.customerId());
            if (!current.isOpen()) {
                throwIfAny(List.of(Violation.of("status", "Open", "the opportunity is already " + current.status())));
            }
            Opportunity next = current.withAmount(amount).withProbability(probability)
                    .withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.customerId());
            return engine.store.opportunities().save(next);
        });
    }

    @Override
    public Opportunity get(OpportunityId id) {
        Check.notNull(id, "id");
        // Hidden and absent look the same, and name only the id asked for.
        return engine.store.opportunities().findById(id).filter(o -> access.visible(o.customerId()).isPresent())
                .orElseThrow(() -> new io.crmkit.core.error.NotFoundException("Opportunity", id.value()));
    }

    @Override
    public Page<Opportunity> byOwner(StaffId owner, @Nullable OpportunityStatus status, PageRequest page) {
        Check.notNull(owner, "owner");
        Check.notNull(page, "page");
        return ScopedPages.filter(p -> engine.store.opportunities().findByOwner(owner, status, p),
                o -> access.visible(o.customerId()).isPresent(), o -> o, page, o -> o.id().value());
    }
}
