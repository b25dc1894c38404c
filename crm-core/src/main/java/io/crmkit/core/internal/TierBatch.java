package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.spi.DataScope;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.RuleAssignment;
import io.crmkit.core.tier.RuleAssignmentResult;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link io.crmkit.core.TierService#assignAllByRule}: one governed write for a chunk of rule-driven
 * tier changes. Validates every entry first (all violations at once), then in one unit of work reads
 * the customers, their current tiers and their audit chains' heads in one batch each, checks each
 * customer's visibility and scope, and applies each change as {@link TierServiceImpl} applies one (history entry, customer
 * saved and audited with its own reason, event after commit). Changes a four-eyes rule catches are
 * kept out of the unit and submitted one by one afterwards through the per-customer call, which
 * parks each as its own pending request. Thread-safe.
 */
final class TierBatch {
    private final Engine engine;
    private final Access access;
    private final TierServiceImpl single;

    TierBatch(Engine engine, Access access, TierServiceImpl single) {
        this.engine = engine;
        this.access = access;
        this.single = single;
    }

    RuleAssignmentResult assignAll(Collection<RuleAssignment> assignments) {
        Check.notNull(assignments, "assignments");
        List<RuleAssignment> list = Check.list(new ArrayList<>(assignments), "assignments");
        Check.that(list.size() <= io.crmkit.core.TierService.MAX_BATCH, "assignments", "Size",
                "must have at most " + io.crmkit.core.TierService.MAX_BATCH + " entries");
        throwIfAny(validate(list));
        List<RuleAssignment> held = new ArrayList<>();
        List<TierAssignment> assigned = engine.write(access, Operation.TIER_RULE, "Customer", null,
                Call.of("tiers", "assignAllByRule", list), null, list.size(), () -> applyAll(list, held));
        Map<CustomerId, PendingRequestId> parked = new LinkedHashMap<>();
        for (RuleAssignment a : held) {
            try {
                single.assignByRule(a.customerId(), a.tier(), a.reason()).ifPresent(assigned::add);
            } catch (ApprovalRequiredException e) {
                parked.put(a.customerId(), e.requestId());
            }
        }
        return new RuleAssignmentResult(assigned, parked);
    }

    /** Every entry's problems, the field naming the entry ({@code assignments[3].reason}). */
    private List<Violation> validate(List<RuleAssignment> list) {
        Set<TierCode> defined = new HashSet<>();
        for (TierDefinition d : engine.store.tiers().definitions()) {
            defined.add(d.code());
        }
        List<Violation> v = new ArrayList<>();
        Set<CustomerId> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            RuleAssignment a = list.get(i);
            String at = "assignments[" + i + "].";
            List<Violation> own = new ArrayList<>();
            if (a.customerId() == null) {
                own.add(Violation.of("customerId", "NotNull", "must not be null"));
            } else if (!seen.add(a.customerId())) {
                own.add(Violation.of("customerId", "Distinct", "is given twice in one batch"));
            }
            CommandValidator.reason(a.reason(), own);
            if (a.tier() != null && !defined.contains(a.tier())) {
                own.add(Violation.of("tier", "Defined", "is not a defined tier"));
            }
            own.forEach(x -> v.add(Violation.of(at + x.field(), x.rule(), x.message())));
        }
        return v;
    }

    /**
     * Inside the unit: the customers and current tiers in one read each, then each change. Entries a
     * four-eyes rule catches go to {@code held} instead.
     */
    private List<TierAssignment> applyAll(List<RuleAssignment> list, List<RuleAssignment> held) {
        List<CustomerId> ids = new ArrayList<>(list.size());
        list.forEach(a -> ids.add(a.customerId()));
        Map<CustomerId, Customer> found = engine.store.customers().findByIds(ids);
        DataScope scope = access.scope(Operation.TIER_RULE);
        for (CustomerId id : ids) {
            Customer c = found.get(id);
            if (c == null || !access.sees(c)) {
                throw new NotFoundException("Customer", id.value());
            }
            if (!scope.includes(c)) {
                throw new AccessDeniedException(access.actor().id(), Operation.TIER_RULE.code());
            }
        }
        Map<CustomerId, TierAssignment> current = engine.store.tiers().currentOf(ids);
        if (engine.audit != null) {
            List<String> keys = new ArrayList<>(ids.size());
            ids.forEach(id -> keys.add(id.value()));
            engine.audit.preloadHeads("Customer", keys);
        }
        Instant now = engine.now();
        List<TierAssignment> out = new ArrayList<>();
        for (RuleAssignment a : list) {
            Customer before = found.get(a.customerId());
            TierAssignment last = current.get(a.customerId());
            if (last != null && last.isActiveOverride(now) || Objects.equals(before.tier(), a.tier())) {
                continue;
            }
            Customer after = before.withTier(a.tier());
            if (engine.fourEyes.match(Operation.TIER_RULE, before, after).isPresent()) {
                held.add(a);
                continue;
            }
            TierAssignment change = new TierAssignment(a.customerId(), a.tier(), before.tier(), now, AssignmentSource.RULE,
                    a.reason(), access.actor().id(), null);
            engine.withReason(a.reason(), () -> apply(before, change));
            out.add(change);
        }
        return out;
    }

    /** As {@link TierServiceImpl}'s own apply: the history entry, the customer touched and saved, the event. */
    private Customer apply(Customer current, TierAssignment a) {
        engine.store.tiers().append(a);
        Customer saved = engine.store.customers().save(current.withTier(a.tier())
                .withMeta(current.meta().touched(a.effectiveFrom(), access.actor().id())));
        engine.emit(new CrmEvent.TierChanged(a.effectiveFrom(), access.actor().id(), current.id(), a.previous(), a.tier(),
                a.source()));
        return saved;
    }
}
