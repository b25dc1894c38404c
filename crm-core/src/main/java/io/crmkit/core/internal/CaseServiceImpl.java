package io.crmkit.core.internal;

import io.crmkit.core.CaseService;
import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.CaseLinks;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.CaseView;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.casework.Resolution;
import io.crmkit.core.casework.SatisfactionDimension;
import io.crmkit.core.casework.SatisfactionReport;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaPolicyId;
import io.crmkit.core.casework.SlaTick;
import io.crmkit.core.casework.SlaTimer;
import io.crmkit.core.casework.SurveyOutcome;
import io.crmkit.core.casework.SurveyResponse;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@link CaseService} over the store, through the write pipeline: the case workflow and links
 * here; the SLA monitor in {@link SlaMonitor}; surveys and reports in {@link CaseSurveys}.
 * Thread-safe.
 */
final class CaseServiceImpl implements CaseService {
    private static final int MAX_BREACH_LIST = 1_000;

    private final Engine engine;
    private final Actor actor;
    private final Access access;
    private final SlaMonitor monitor;
    private final CaseSurveys surveys;

    CaseServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
        Escalations escalations = new Escalations(engine);
        this.monitor = new SlaMonitor(access, escalations);
        this.surveys = new CaseSurveys(access, escalations, this::get);
    }

    @Override
    public SlaPolicy definePolicy(SlaPolicyDefinition definition) {
        Check.notNull(definition, "definition");
        return engine.write(access, Operation.SLA_DEFINE, "SlaPolicy", definition.id(),
                Call.of("cases", "definePolicy", definition), null, definition, () -> {
                    Optional<SlaPolicy> existing = engine.store.slaPolicies().findById(definition.id());
                    Instant now = engine.now();
                    SlaPolicy next = existing.map(p -> new SlaPolicy(definition, p.meta().touched(now, actor.id())))
                            .orElseGet(() -> new SlaPolicy(definition, Meta.created(now, actor.id())));
                    engine.guard(existing.orElse(null), next, null);
                    return engine.store.slaPolicies().save(next);
                });
    }

    @Override
    public List<SlaPolicy> policies() {
        access.authorise(Operation.CUSTOMER_READ);
        return engine.store.slaPolicies().findAll();
    }

    @Override
    public ServiceCase open(NewCase n) {
        Check.notNull(n, "serviceCase");
        return engine.write(access, Operation.CASE_WRITE, "ServiceCase", null, Call.of("cases", "open", n), null, n, () -> {
            Customer customer = access.requireWritable(Operation.CASE_WRITE, n.customerId());
            checkLinks(n.customerId(), n.links());
            StaffId owner = n.owner() != null ? n.owner() : customer.owner();
            OrgUnitId team = n.team();
            if (n.owner() != null) {
                requireStaff(n.owner());
            }
            if (team != null) {
                requireUnit(team);
            } else if (owner != null) {
                team = engine.store.staff().findById(owner).map(Staff::unit).orElse(null);
            }
            Instant now = engine.now();
            SlaPolicyDefinition policy = select(n, customer);
            List<SlaTimer> timers = policy == null ? List.of() : SlaClock.start(policy, CaseStatus.NEW, now);
            ServiceCase c = new ServiceCase(CaseId.of(engine.newId("Case")), n.customerId(), n.kind(), n.channel(),
                    n.category(), n.priority(), CaseStatus.NEW, n.subject(), owner, team, customer.branch(), n.links(),
                    customer.tier(), policy, timers, null, now, null, null, null, null, Meta.created(now, actor.id()));
            engine.guard(null, c, n.customerId());
            ServiceCase saved = engine.store.cases().save(c);
            engine.emit(new CrmEvent.CaseOpened(now, actor.id(), saved.customerId(), saved.id(), saved.kind()));
            return saved;
        });
    }

    /** The highest-ranked policy that applies, ties by id; {@code null} when none does. */
    private @Nullable SlaPolicyDefinition select(NewCase n, Customer customer) {
        return engine.store.slaPolicies().findAll().stream().map(SlaPolicy::definition)
                .filter(p -> p.appliesTo(n.kind(), n.category(), n.priority(), customer.tier()))
                .min(Comparator.comparingInt(SlaPolicyDefinition::rank).reversed().thenComparing(SlaPolicyDefinition::id))
                .orElse(null);
    }

    @Override
    public ServiceCase get(CaseId id) {
        Check.notNull(id, "id");
        // Hidden and absent look the same, and name only the id asked for.
        return engine.store.cases().findById(id).filter(c -> access.visible(c.customerId()).isPresent())
                .orElseThrow(() -> new NotFoundException("ServiceCase", id.value()));
    }

    @Override
    public List<CaseView> casesFor(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        Instant now = engine.now();
        return engine.store.cases().findByCustomer(customerId).stream().map(c -> view(c, now)).toList();
    }

    /** The customer's open cases with their SLA standing, for the 360 view; none on a store that keeps no cases. */
    static List<CaseView> openCases(Engine engine, CustomerId customerId) {
        io.crmkit.core.spi.CaseRepository cases;
        try {
            cases = engine.store.cases();
        } catch (StoreException e) {
            return List.of(); // the store's refusing default: it keeps no cases, so the customer has none
        }
        return views(cases.findByCustomer(customerId).stream().filter(c -> c.status().isOpen()).toList(), engine.now());
    }

    /** The 360 view's lines of the given (open) cases, in their order. */
    static List<CaseView> views(List<ServiceCase> open, Instant now) {
        return open.stream().map(c -> view(c, now)).toList();
    }

    static CaseView view(ServiceCase c, Instant now) {
        return new CaseView(c, SlaClock.state(c, now), c.breachAt());
    }

    @Override
    public ServiceCase moveTo(CaseId id, CaseStatus status) {
        Check.notNull(status, "status");
        if (status == CaseStatus.RESOLVED) {
            throw ValidationException.of("status", "UseResolve", "a case is resolved with resolve(), which records how");
        }
        return change(id, Operation.CASE_WRITE, Call.of("cases", "moveTo", id, status), status, c -> step(c, status, null));
    }

    @Override
    public ServiceCase resolve(CaseId id, Resolution resolution) {
        Check.notNull(resolution, "resolution");
        return change(id, Operation.CASE_WRITE, Call.of("cases", "resolve", id, resolution), resolution,
                c -> step(c, CaseStatus.RESOLVED, resolution));
    }

    /** One step of the workflow, with its timers and timestamps; queues the event. */
    private ServiceCase step(ServiceCase c, CaseStatus to, @Nullable Resolution resolution) {
        CaseStatus from = c.status();
        if (!from.canMoveTo(to)) {
            throw ValidationException.of("status", "Workflow", "a case cannot move from " + from + " to " + to
                    + " (allowed: " + from.next() + ")");
        }
        Instant now = engine.now();
        List<SlaTimer> timers = c.sla() == null ? c.timers() : SlaClock.onStatus(c.sla(), c.timers(), from, to, now);
        Instant firstResponse = c.firstRespondedAt() != null ? c.firstRespondedAt() : now;
        boolean reopened = from == CaseStatus.RESOLVED && to.isOpen();
        Resolution res = to == CaseStatus.RESOLVED ? resolution : reopened ? null : c.resolution();
        Instant resolvedAt = to == CaseStatus.RESOLVED ? now : reopened ? null : c.resolvedAt();
        Instant closedAt = to.isFinal() ? now : null;
        engine.emit(new CrmEvent.CaseStatusChanged(now, actor.id(), c.customerId(), c.id(), from, to));
        return c.withStatus(to, firstResponse, resolvedAt, closedAt, res).withTimers(c.sla(), timers);
    }

    @Override
    public ServiceCase assign(CaseId id, StaffId owner, @Nullable OrgUnitId team) {
        Check.notNull(owner, "owner");
        return change(id, Operation.CASE_WRITE, Call.of("cases", "assign", id, owner, team), owner, c -> {
            requireOpenOrResolved(c);
            Staff staff = requireStaff(owner);
            if (team != null) {
                requireUnit(team);
            }
            return c.withOwner(owner, team != null ? team : staff.unit());
        });
    }

    @Override
    public ServiceCase link(CaseId id, CaseLinks links) {
        Check.notNull(links, "links");
        return change(id, Operation.CASE_WRITE, Call.of("cases", "link", id, links), links, c -> {
            requireOpenOrResolved(c);
            checkLinks(c.customerId(), links);
            return c.withLinks(c.links().with(links));
        });
    }

    @Override
    public ServiceCase applyPolicy(CaseId id, SlaPolicyId policyId) {
        Check.notNull(policyId, "policyId");
        return change(id, Operation.CASE_WRITE, Call.of("cases", "applyPolicy", id, policyId), policyId, c -> {
            requireOpenOrResolved(c);
            SlaPolicyDefinition next = engine.store.slaPolicies().findById(policyId)
                    .orElseThrow(() -> new NotFoundException("SlaPolicy", policyId.value())).definition();
            // The old policy is settled first: what the case crossed under it is announced, not forgotten.
            ServiceCase settled = monitor.settle(c, engine.now(), new java.util.ArrayList<>());
            return settled.withTimers(next, SlaClock.reapply(settled.sla(), settled.timers(), next, c.status(), engine.now()));
        });
    }

    @Override
    public SlaTick tick(Instant now) {
        return monitor.tick(now);
    }

    @Override
    public List<CaseView> nextBreaches(int limit) {
        Check.range(limit, 1, MAX_BREACH_LIST, "limit");
        Instant now = engine.now();
        // Read further than asked so that hidden cases do not shorten the list much; the index does the ordering.
        return engine.store.cases().findNextBreaches(Math.min(10_000, limit * 10)).stream()
                .filter(c -> access.visible(c.customerId()).isPresent()).limit(limit).map(c -> view(c, now)).toList();
    }

    @Override
    public SurveyOutcome sendSurvey(CaseId id, Channel channel) {
        return surveys.send(id, channel);
    }

    @Override
    public ServiceCase recordSurveyResponse(CaseId id, SurveyResponse response) {
        return surveys.record(id, response);
    }

    @Override
    public SatisfactionReport satisfaction(SatisfactionDimension by, Instant from, Instant to) {
        return surveys.report(by, from, to);
    }

    /** Read, check scope, change, save: one transaction through the pipeline. */
    private ServiceCase change(CaseId id, Operation op, Call call, Object input, UnaryOperator<ServiceCase> edit) {
        Check.notNull(id, "id");
        return engine.write(access, op, "ServiceCase", id, call, null, input, () -> {
            ServiceCase current = get(id);
            access.requireWritable(op, current.customerId());
            ServiceCase next = edit.apply(current).withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.customerId());
            return engine.store.cases().save(next);
        });
    }

    private static void requireOpenOrResolved(ServiceCase c) {
        if (c.status().isFinal()) {
            throw ValidationException.of("status", "NotFinal", "the case is " + c.status() + " and cannot change");
        }
    }

    private Staff requireStaff(StaffId id) {
        return engine.store.staff().findById(id).filter(Staff::active)
                .orElseThrow(() -> new NotFoundException("Staff", id.value()));
    }

    private void requireUnit(OrgUnitId id) {
        if (engine.store.orgUnits().findById(id).isEmpty()) {
            throw new NotFoundException("OrgUnit", id.value());
        }
    }

    /** Each link must be a record of the case's customer; one the actor may not see is absent. */
    private void checkLinks(CustomerId customer, CaseLinks links) {
        if (links.contactId() != null) {
            CustomerId owner = engine.store.contacts().findById(links.contactId()).map(x -> x.customerId()).orElse(null);
            sameCustomer(customer, owner, "Contact", links.contactId().value(), "links.contactId");
        }
        if (links.accountId() != null) {
            CustomerId owner = engine.store.accounts().findById(links.accountId()).map(x -> x.customerId()).orElse(null);
            sameCustomer(customer, owner, "LinkedAccount", links.accountId().value(), "links.accountId");
        }
        if (links.interactionId() != null) {
            CustomerId owner = engine.store.interactions().findById(links.interactionId()).map(x -> x.customerId())
                    .orElse(null);
            sameCustomer(customer, owner, "Interaction", links.interactionId().value(), "links.interactionId");
        }
        if (links.opportunityId() != null) {
            CustomerId owner = engine.store.opportunities().findById(links.opportunityId()).map(x -> x.customerId())
                    .orElse(null);
            sameCustomer(customer, owner, "Opportunity", links.opportunityId().value(), "links.opportunityId");
        }
    }

    private void sameCustomer(CustomerId expected, @Nullable CustomerId actual, String type, String id, String field) {
        if (actual == null || access.visible(actual).isEmpty()) {
            throw new NotFoundException(type, id);
        }
        if (!actual.equals(expected)) {
            throw ValidationException.of(field, "SameCustomer", "must be a record of the case's customer");
        }
    }
}
