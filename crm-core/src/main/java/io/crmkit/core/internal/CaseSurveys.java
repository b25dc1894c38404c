package io.crmkit.core.internal;

import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.EscalationLevel;
import io.crmkit.core.casework.SatisfactionDimension;
import io.crmkit.core.casework.SatisfactionGroup;
import io.crmkit.core.casework.SatisfactionReport;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.Survey;
import io.crmkit.core.casework.SurveyOutcome;
import io.crmkit.core.casework.SurveyResponse;
import io.crmkit.core.casework.SurveyRule;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Satisfaction surveys of cases: sending once per resolved case within the policy's cap per
 * customer and through the firm's contact policy (purpose {@code SURVEY}; every attempt logged), recording the answer (a detractor raises a follow-up task), and CSAT/NPS reports read
 * through the store's index on answer time. The comment is never logged nor put in an event.
 * Thread-safe.
 */
final class CaseSurveys {
    /** Most answers one report reads. */
    static final int MAX_REPORT = 100_000;

    private final Engine engine;
    private final Access access;
    private final Actor actor;
    private final Escalations escalations;
    private final Function<CaseId, ServiceCase> get;
    private final ContactDecider decider;

    CaseSurveys(Access access, Escalations escalations, Function<CaseId, ServiceCase> get) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
        this.escalations = escalations;
        this.get = get;
        this.decider = new ContactDecider(access);
    }

    SurveyOutcome send(CaseId id, Channel channel) {
        Check.notNull(id, "id");
        Check.notNull(channel, "channel");
        return engine.write(access, Operation.SURVEY_WRITE, "ServiceCase", id, Call.of("cases", "sendSurvey", id, channel),
                null, channel, () -> {
                    ServiceCase c = get.apply(id);
                    access.requireWritable(Operation.SURVEY_WRITE, c.customerId());
                    requireResolved(c);
                    if (c.survey() != null) {
                        return new SurveyOutcome(id, false, "already-surveyed");
                    }
                    SurveyRule rule = c.sla() == null ? null : c.sla().survey();
                    if (rule == null) {
                        return new SurveyOutcome(id, false, "no-survey-rule");
                    }
                    Instant now = engine.now();
                    Instant windowStart = now.minus(rule.window());
                    long recent = engine.store.cases().findByCustomer(c.customerId()).stream()
                            .filter(o -> o.survey() != null && o.survey().sentAt() != null
                                    && o.survey().sentAt().isAfter(windowStart))
                            .count();
                    if (recent >= rule.maxPerCustomer()) {
                        return new SurveyOutcome(id, false, "capped");
                    }
                    // The firm-wide contact policy decides last (consent for surveys on the channel,
                    // do-not-contact, caps across departments, quiet hours); either way the attempt is logged.
                    Customer customer = access.requireVisible(c.customerId());
                    String reference = ("case:" + id.value()).length() <= io.crmkit.core.check.Ids.MAX_LENGTH
                            ? "case:" + id.value() : id.value();
                    ContactRequest request = new ContactRequest(c.customerId(), channel, ConsentPurpose.SURVEY,
                            actor.orgUnit(), now, reference);
                    ContactDecision decision = decider.decide(customer, request, now);
                    engine.store.contactLog().save(decider.entry(request, decision, now, reference));
                    if (!decision.allowed()) {
                        return new SurveyOutcome(id, false, "contact-policy:" + decision.reason().name().toLowerCase(
                                java.util.Locale.ROOT).replace('_', '-'));
                    }
                    ServiceCase next = c.withSurvey(Survey.sent(now, channel)).withMeta(c.meta().touched(now, actor.id()));
                    engine.guard(c, next, c.customerId());
                    engine.store.cases().save(next);
                    return new SurveyOutcome(id, true, "sent");
                });
    }

    ServiceCase record(CaseId id, SurveyResponse r) {
        Check.notNull(id, "id");
        Check.notNull(r, "response");
        return engine.write(access, Operation.SURVEY_WRITE, "ServiceCase", id,
                Call.of("cases", "recordSurveyResponse", id, r), null, r, () -> {
                    ServiceCase c = get.apply(id);
                    access.requireWritable(Operation.SURVEY_WRITE, c.customerId());
                    requireResolved(c);
                    if (c.survey() != null && c.survey().respondedAt() != null) {
                        throw ValidationException.of("survey", "Once", "the case's survey has an answer already");
                    }
                    Instant now = engine.now();
                    Survey base = c.survey() != null ? c.survey() : new Survey(null, null, null, null, null, null);
                    ServiceCase next = c.withSurvey(base.answered(now, r)).withMeta(c.meta().touched(now, actor.id()));
                    engine.guard(c, next, c.customerId());
                    ServiceCase saved = engine.store.cases().save(next);
                    if (r.detractor()) {
                        followUp(saved, now);
                    }
                    engine.emit(new CrmEvent.SurveyAnswered(now, actor.id(), c.customerId(), c.id(), r.score(), r.csat(),
                            r.detractor()));
                    return saved;
                });
    }

    private void followUp(ServiceCase c, Instant now) {
        StaffId who = escalations.holder(EscalationLevel.OWNER, c);
        if (who == null) {
            return;
        }
        Task task = new Task(TaskId.of(engine.newId("Task")), "Detractor follow-up: case " + c.id(), null, who,
                now.plus(Duration.ofDays(1)), null, TaskPriority.HIGH, TaskStatus.OPEN, c.customerId(),
                c.links().opportunityId(), null, Meta.created(now, actor.id()));
        Task saved = engine.store.tasks().save(task);
        engine.emit(new CrmEvent.TaskAssigned(now, actor.id(), c.customerId(), saved.id(), who));
    }

    private static void requireResolved(ServiceCase c) {
        boolean resolved = c.status() == CaseStatus.RESOLVED || (c.status() == CaseStatus.CLOSED && c.resolution() != null);
        if (!resolved) {
            throw ValidationException.of("status", "Resolved", "surveys are for resolved cases; the case is " + c.status());
        }
    }

    SatisfactionReport report(SatisfactionDimension by, Instant from, Instant to) {
        Check.notNull(by, "by");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.that(to.isAfter(from), "to", "AfterFrom", "must be after from");
        access.authorise(Operation.CUSTOMER_READ);
        List<ServiceCase> answered = engine.store.cases().findRespondedBetween(from, to, MAX_REPORT);
        if (answered.size() >= MAX_REPORT) {
            throw ValidationException.of("to", "Size", "the period holds " + MAX_REPORT + " answers or more" + ": ask for a shorter one");
        }
        Map<OrgUnitId, OrgUnitId> branches = new HashMap<>();
        Map<String, List<Survey>> groups = new TreeMap<>();
        List<Survey> all = new ArrayList<>();
        for (ServiceCase c : answered) {
            if (access.visible(c.customerId()).isEmpty()) {
                continue;
            }
            String key = switch (by) {
                case CATEGORY -> c.category();
                case TEAM -> c.team() == null ? "-" : c.team().value();
                case BRANCH -> {
                    OrgUnitId b = c.branch() == null ? null : branches.computeIfAbsent(c.branch(), u -> {
                        OrgUnitId found = escalations.branchOf(u);
                        return found == null ? u : found;
                    });
                    yield b == null ? "-" : b.value();
                }
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c.survey());
            all.add(c.survey());
        }
        List<SatisfactionGroup> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(group(k, v)));
        return new SatisfactionReport(by, from, to, out, group("*", all));
    }

    /** NPS = % promoters − % detractors of the scored answers; CSAT = mean rating and % of ratings 4–5. */
    static SatisfactionGroup group(String key, List<Survey> answers) {
        int scored = 0;
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        int rated = 0;
        int satisfied = 0;
        long ratingSum = 0;
        for (Survey s : answers) {
            if (s.score() != null) {
                scored++;
                if (s.score() >= 9) {
                    promoters++;
                } else if (s.score() >= 7) {
                    passives++;
                } else {
                    detractors++;
                }
            }
            if (s.csat() != null) {
                rated++;
                ratingSum += s.csat();
                if (s.csat() >= 4) {
                    satisfied++;
                }
            }
        }
        Double nps = scored == 0 ? null : 100.0 * (promoters - detractors) / scored;
        Double avg = rated == 0 ? null : (double) ratingSum / rated;
        Double pct = rated == 0 ? null : 100.0 * satisfied / rated;
        return new SatisfactionGroup(key, answers.size(), scored, promoters, passives, detractors, nps, rated, avg, pct);
    }
}
