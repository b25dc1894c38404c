package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.TierService;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link TierService} over the store. Thread-safe. */
final class TierServiceImpl implements TierService {
    private final Engine engine;
    private final Actor actor;
    private final Access access;

    TierServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public void define(TierDefinition... definitions) {
        Check.notNull(definitions, "definitions");
        List<TierDefinition> list = Check.list(java.util.Arrays.asList(definitions), "definitions");
        engine.write(access, Operation.TIER_DEFINE, "TierDefinition", null, Call.of("tiers", "define", (Object) definitions), null,
                list, () -> {
            list.forEach(engine.store.tiers()::saveDefinition);
            return null;
        });
    }

    @Override
    public List<TierDefinition> definitions() {
        return engine.store.tiers().definitions();
    }

    @Override
    public Customer assignManually(CustomerId customerId, @Nullable TierCode tier, String reason, @Nullable Instant expiresAt) {
        List<Violation> v = checkInput(customerId, tier, reason);
        if (expiresAt != null && !expiresAt.isAfter(engine.now())) {
            v.add(Violation.of("expiresAt", "Future", "must be in the future"));
        }
        CommandValidator.plausible(expiresAt, CommandValidator.LATEST_STORED_INSTANT, "expiresAt", v);
        throwIfAny(v);
        return engine.write(access, Operation.TIER_OVERRIDE, "Customer", customerId,
                Call.of("tiers", "assignManually", customerId, tier, reason, expiresAt), reason, reason, () -> {
            Customer current = access.requireWritable(Operation.TIER_OVERRIDE, customerId);
            TierAssignment a = new TierAssignment(customerId, tier, current.tier(), engine.now(), AssignmentSource.MANUAL,
                    reason, actor.id(), expiresAt);
            engine.guard(current, current.withTier(tier), customerId);
            return access.mask(apply(current, a));
        });
    }

    @Override
    public Optional<TierAssignment> assignByRule(CustomerId customerId, @Nullable TierCode tier, String reason) {
        throwIfAny(checkInput(customerId, tier, reason));
        return engine.write(access, Operation.TIER_RULE, "Customer", customerId,
                Call.of("tiers", "assignByRule", customerId, tier, reason), reason, reason, () -> {
            Customer current = access.requireWritable(Operation.TIER_RULE, customerId);
            Instant now = engine.now();
            boolean overridden = engine.store.tiers().current(customerId).map(a -> a.isActiveOverride(now)).orElse(false);
            if (overridden || Objects.equals(current.tier(), tier)) {
                return Optional.<TierAssignment>empty();
            }
            TierAssignment a = new TierAssignment(customerId, tier, current.tier(), now, AssignmentSource.RULE, reason,
                    actor.id(), null);
            engine.guard(current, current.withTier(tier), customerId);
            apply(current, a);
            return Optional.of(a);
        });
    }

    @Override
    public io.crmkit.core.tier.RuleAssignmentResult assignAllByRule(
            java.util.Collection<io.crmkit.core.tier.RuleAssignment> assignments) {
        return new TierBatch(engine, access, this).assignAll(assignments);
    }

    private Customer apply(Customer current, TierAssignment a) {
        engine.store.tiers().append(a);
        Customer saved = engine.store.customers().save(current.withTier(a.tier())
                .withMeta(current.meta().touched(a.effectiveFrom(), actor.id())));
        if (!Objects.equals(a.previous(), a.tier())) {
            engine.emit(new CrmEvent.TierChanged(a.effectiveFrom(), actor.id(), current.id(), a.previous(), a.tier(), a.source()));
        }
        return saved;
    }

    private List<Violation> checkInput(@Nullable CustomerId customerId, @Nullable TierCode tier, @Nullable String reason) {
        List<Violation> v = new ArrayList<>();
        if (customerId == null) {
            v.add(Violation.of("customerId", "NotNull", "must not be null"));
        }
        CommandValidator.reason(reason, v);
        if (tier != null && engine.store.tiers().definitions().stream().noneMatch(d -> d.code().equals(tier))) {
            v.add(Violation.of("tier", "Defined", "is not a defined tier"));
        }
        return v;
    }

    @Override
    public Optional<TierAssignment> current(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.tiers().current(customerId);
    }

    @Override
    public List<TierAssignment> history(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.tiers().history(customerId);
    }
}
