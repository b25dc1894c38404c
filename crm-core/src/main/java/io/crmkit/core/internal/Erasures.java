package io.crmkit.core.internal;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.approval.Approval;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.Participant;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.StageChange;
import io.crmkit.core.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What erasure leaves of each record: the anonymised copy, keeping ids, codes, amounts and
 * counts, coarsening the dates that stay to the first of their month, and replacing required
 * free text by {@link #ERASED}. Pure functions; stateless.
 */
final class Erasures {
    static final String ERASED = FieldChange.ERASED;

    /**
     * Audit leaves whose values are codes, ids of staff and units, amounts or flags, never personal
     * data: they stay readable in a redacted entry, so the trail still tells how the statistics came
     * about. Every other value of an erased customer's entries is redacted.
     */
    private static final Set<String> KEPT_LEAVES = Set.of("lifecycle", "tier", "status", "stage", "probability", "amount",
            "currency", "channel", "direction", "outcome", "type", "owner", "branch", "assignee", "priority", "severity",
            "primary", "productLine", "role", "requiredApprovals", "kind", "purpose", "code");

    private Erasures() {}

    static boolean keepsValue(String path) {
        int dot = path.lastIndexOf('.');
        String leaf = dot < 0 ? path : path.substring(dot + 1);
        int bracket = leaf.indexOf('[');
        return KEPT_LEAVES.contains(bracket < 0 ? leaf : leaf.substring(0, bracket));
    }

    static LocalDate month(LocalDate d) {
        return d.withDayOfMonth(1);
    }

    static Instant month(Instant t, ZoneId zone) {
        return month(LocalDate.ofInstant(t, zone)).atStartOfDay(zone).toInstant();
    }

    static Customer customer(Customer c, ZoneId zone) {
        Profile p = c.profile();
        List<LifecycleChange> history = c.lifecycleHistory().stream().map(l -> new LifecycleChange(l.from(), l.to(),
                month(l.effectiveOn()), ERASED, month(l.recordedAt(), zone), l.recordedBy())).toList();
        return new Customer(c.id(), c.type(), new CustomerName(ERASED, null, null), List.of(), null,
                new Profile(p.region(), null, null, p.industry(), p.incomeBand(), p.riskTolerance(), p.kycLevel()),
                c.lifecycle(), history, c.owner(), c.branch(), c.tier(), c.tags(), List.of(), Map.of(), c.meta());
    }

    static Contact contact(Contact c) {
        return new Contact(c.id(), c.customerId(), ERASED, null, null, null, c.primary(), List.of(), c.personCustomerId(),
                c.meta());
    }

    static Relationship relationship(Relationship r) {
        return new Relationship(r.id(), r.from(), r.to(), r.type(), r.validFrom() == null ? null : month(r.validFrom()),
                r.validUntil() == null ? null : month(r.validUntil()), r.meta());
    }

    static Interaction interaction(Interaction i, ZoneId zone) {
        List<Participant> staff = i.participants().stream().filter(p -> p.kind() == Participant.Kind.STAFF).toList();
        return new Interaction(i.id(), i.customerId(), i.channel(), i.direction(), month(i.occurredAt(), zone), i.duration(),
                ERASED, null, i.outcome(), staff, i.contactId(), i.opportunityId(), i.externalRef(), i.meta());
    }

    static Task task(Task t) {
        return new Task(t.id(), ERASED, null, t.assignee(), t.dueAt(), t.remindAt(), t.priority(), t.status(), t.customerId(),
                t.opportunityId(), t.completedAt(), t.meta());
    }

    static Opportunity opportunity(Opportunity o) {
        List<StageChange> history = o.history().stream()
                .map(s -> new StageChange(s.from(), s.to(), s.probability(), s.at(), s.by(), null)).toList();
        return new Opportunity(o.id(), o.customerId(), o.pipelineId(), ERASED, o.stage(), o.status(), o.amount(),
                o.probability(), o.expectedClose(), o.owner(), o.source(), null, o.lostReason() == null ? null : ERASED,
                history, o.meta());
    }

    static Alert alert(Alert a) {
        return new Alert(a.id(), a.ruleId(), a.customerId(), a.accountId(), a.severity(), a.status(), a.owner(), ERASED,
                a.triggerEventId(), a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedAt(),
                a.resolution() == null ? null : ERASED, a.meta());
    }

    /**
     * A maker-checker request with its arguments (the maker's whole command) and reasons erased; an
     * open one is rejected, since replaying it would write erased data back.
     */
    static PendingRequest request(PendingRequest r, @Nullable String by, Instant now) {
        List<Approval> approvals = r.approvals().stream().map(a -> new Approval(a.checker(), a.at(), null)).toList();
        boolean open = r.isOpenAt(now);
        return new PendingRequest(r.id(), r.operation(), r.rule(), r.aggregateType(), r.aggregateId(), r.customerId(),
                r.makerId(), r.makerUnit(), r.makerRoles(), r.makerKind(), r.service(), r.method(), "[]", r.baseVersion(),
                open ? RequestStatus.REJECTED : r.status(), r.requiredApprovals(), approvals, r.submittedAt(), r.expiresAt(),
                open ? by : r.decidedBy(), open ? "superseded by the customer's erasure" : r.decisionReason() == null ? null : ERASED,
                r.meta());
    }
}
