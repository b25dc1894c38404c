package io.crmkit.core.internal;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.DataScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One session's permissions: which operations its actor may perform, the data scope of each
 * (resolved over the engine's shared {@link OrgChart}, again after an org change), and the fields it sees masked. Every service
 * asks here before it reads or writes. Hidden and absent look the same: a record out of scope is
 * reported as not found, under the id the caller gave. Thread-safe.
 */
final class Access {
    private final Engine engine;
    private final Actor actor;
    private final Map<Operation, DataScope> scopes = new EnumMap<>(Operation.class);
    private @Nullable Set<FieldMask> masks;
    /** The org chart's generation the scopes were resolved under. */
    private long chartGeneration = -1;

    Access(Engine engine, Actor actor) {
        this.engine = engine;
        this.actor = actor;
    }

    Actor actor() {
        return actor;
    }

    Engine engine() {
        return engine;
    }

    /** Refuses an operation no role of the actor grants. */
    void authorise(Operation op) {
        if (engine.permissions != null && engine.permissions.depth(actor, op).isEmpty()) {
            throw new AccessDeniedException(actor.id(), op.code());
        }
    }

    boolean granted(Operation op) {
        return engine.permissions == null || engine.permissions.depth(actor, op).isPresent();
    }

    /** The customers {@code op} reaches for this actor. */
    synchronized DataScope scope(Operation op) {
        if (engine.permissions != null) {
            long chart = engine.orgChart.generation();
            if (chart != chartGeneration) { // the org changed since these scopes were resolved
                scopes.clear();
                chartGeneration = chart;
            }
        }
        DataScope s = scopes.get(op);
        if (s == null) {
            s = engine.permissions == null ? DataScope.everything()
                    : engine.permissions.depth(actor, op).map(this::resolve).orElse(DataScope.none());
            scopes.put(op, s);
        }
        return s;
    }

    /** The scope of reads: what the actor sees at all. */
    DataScope readScope() {
        return scope(Operation.CUSTOMER_READ);
    }

    boolean sees(Customer c) {
        return readScope().includes(c) && engine.accessPolicy.canSee(actor, c);
    }

    Optional<Customer> visible(CustomerId id) {
        return engine.store.customers().findById(id).filter(this::sees);
    }

    /**
     * The visible ones of {@code ids} (at most {@link io.crmkit.core.spi.Batch#MAX_IDS}, distinct), read
     * in one batch, in the order given: what {@link #visible(CustomerId)} finds for each.
     */
    List<Customer> visible(List<CustomerId> ids) {
        List<Customer> out = new ArrayList<>(ids.size());
        for (Customer c : engine.store.customers().findByIds(ids).values()) {
            if (sees(c)) {
                out.add(c);
            }
        }
        return out;
    }

    Customer requireVisible(CustomerId id) {
        return visible(id).orElseThrow(() -> new NotFoundException("Customer", id.value()));
    }

    /** The customer, if the actor sees it and {@code op} reaches it; otherwise refused (absent if hidden). */
    Customer requireWritable(Operation op, CustomerId id) {
        Customer c = requireVisible(id);
        if (!scope(op).includes(c)) {
            throw new AccessDeniedException(actor.id(), op.code());
        }
        return c;
    }

    /** Whether a staff member's records (tasks without a customer) are in the actor's read scope. */
    boolean seesStaff(StaffId staff) {
        DataScope s = readScope();
        return s.all() || s.owners().contains(staff);
    }

    Customer mask(Customer c) {
        Set<FieldMask> m = masks();
        return m.isEmpty() ? c : Masking.customer(c, m);
    }

    /** The contact as the actor may see it: masked fields, and no link to a person customer it may not see. */
    Contact mask(Contact c) {
        return mask(c, id -> visible(id).isPresent());
    }

    /** As {@link #mask(Contact)}, judging the person customer with {@code visible}. */
    Contact mask(Contact c, java.util.function.Predicate<CustomerId> visible) {
        Set<FieldMask> m = masks();
        Contact out = m.isEmpty() ? c : Masking.contact(c, m);
        if (out.personCustomerId() != null && !visible.test(out.personCustomerId())) {
            out = new Contact(out.id(), out.customerId(), out.name(), out.title(), out.department(), out.salutation(),
                    out.primary(), out.contactPoints(), null, out.meta());
        }
        return out;
    }

    /** The pending request as the actor may see it: the personal values of its parked command masked. */
    io.crmkit.core.approval.PendingRequest mask(io.crmkit.core.approval.PendingRequest r) {
        Set<FieldMask> m = masks();
        return m.isEmpty() ? r : Masking.request(r, m);
    }

    private synchronized Set<FieldMask> masks() {
        if (masks == null) {
            masks = engine.permissions == null ? Set.of() : engine.permissions.masks(actor);
        }
        return masks;
    }

    private DataScope resolve(Depth depth) {
        StaffId self = actor.kind() == Actor.Kind.STAFF ? actor.staffId() : null;
        OrgUnitId unit = actor.orgUnit();
        switch (depth) {
            case ALL:
                return DataScope.everything();
            case OWN:
                return self == null ? DataScope.none() : DataScope.of(Set.of(self), Set.of());
            default:
                break;
        }
        if (unit == null) {
            return self == null ? DataScope.none() : DataScope.of(Set.of(self), Set.of());
        }
        List<OrgUnit> all = engine.orgChart.units();
        OrgUnitId root = depth == Depth.BRANCH ? branchOf(unit, all) : unit;
        Set<OrgUnitId> units = depth == Depth.TEAM ? Set.of(unit) : subtree(root, all);
        Set<StaffId> owners = new HashSet<>();
        if (self != null) {
            owners.add(self);
        }
        for (OrgUnitId u : units) {
            owners.addAll(engine.orgChart.staffOf(u));
        }
        return DataScope.of(owners, units);
    }

    /** The nearest BRANCH at or above {@code unit}; the unit itself when there is none. */
    private static OrgUnitId branchOf(OrgUnitId unit, List<OrgUnit> all) {
        Map<OrgUnitId, OrgUnit> byId = new HashMap<>();
        all.forEach(u -> byId.put(u.id(), u));
        OrgUnitId at = unit;
        for (int guard = 0; at != null && guard < 64; guard++) {
            OrgUnit u = byId.get(at);
            if (u == null) {
                break;
            }
            if (u.type() == OrgUnitType.BRANCH) {
                return u.id();
            }
            at = u.parent();
        }
        return unit;
    }

    private static Set<OrgUnitId> subtree(OrgUnitId root, List<OrgUnit> all) {
        Map<OrgUnitId, List<OrgUnitId>> children = new HashMap<>();
        for (OrgUnit u : all) {
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.id());
            }
        }
        Set<OrgUnitId> out = new HashSet<>();
        Deque<OrgUnitId> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            OrgUnitId next = queue.pop();
            if (out.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return out;
    }
}
