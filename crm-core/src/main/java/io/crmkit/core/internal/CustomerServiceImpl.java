package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.Customer360;
import io.crmkit.core.spi.CustomerViewData;
import io.crmkit.core.CustomerService;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link CustomerService} over the store. Thread-safe. */
final class CustomerServiceImpl implements CustomerService {
    /** How many interactions the 360 view shows. */
    static final int VIEW_INTERACTIONS = 10;

    private final Engine engine;
    private final Actor actor;
    private final Access access;

    CustomerServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    /** Masked values come from a masked read: saving them would overwrite real data. */
    static void refuseMasked(List<Identifier> ids, List<io.crmkit.core.customer.ContactPoint> points, List<Violation> v) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && ids.get(i).isMasked()) {
                v.add(Violation.of("identifiers[" + i + "]", "NotMasked", "a masked value cannot be saved"));
            }
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) != null && points.get(i).isMasked()) {
                v.add(Violation.of("contactPoints[" + i + "]", "NotMasked", "a masked value cannot be saved"));
            }
        }
    }

    @Override
    public Customer register(NewCustomer c) {
        throwIfAny(registrationProblems(engine, c));
        return engine.write(access, Operation.CUSTOMER_REGISTER, "Customer", null, Call.of("customers", "register", c), null, c, () -> {
            Customer saved = CustomerRegistrations.store(engine, access, c);
            engine.emit(new CrmEvent.CustomerRegistered(saved.meta().createdAt(), actor.id(), saved.id()));
            return access.mask(saved);
        });
    }

    @Override
    public List<Registration> registerAll(List<NewCustomer> customers) {
        return new CustomerRegistrations(engine, access, this).registerAll(customers);
    }

    /** Everything {@link #register} refuses before it writes, as violations (empty when the record is fine). */
    static List<Violation> registrationProblems(Engine engine, @Nullable NewCustomer c) {
        List<Violation> v = engine.validator.check(c, "customer");
        if (c != null) {
            if (c.initialStage() != null && c.initialStage() != LifecycleStage.PROSPECT
                    && c.initialStage() != LifecycleStage.ACTIVE) {
                v.add(Violation.of("initialStage", "InitialStage", "must be PROSPECT or ACTIVE"));
            }
            plausible(c.birthDate(), engine.today(), "birthDate", v);
            if (c.extensions() != null) {
                io.crmkit.core.check.Check.Violations names = io.crmkit.core.check.Check.collect();
                Customer.extensionNames(c.extensions().keySet(), names);
                v.addAll(names.list());
            }
            if (c.identifiers() != null) {
                Set<String> kinds = new HashSet<>();
                for (int i = 0; i < c.identifiers().size(); i++) {
                    Identifier id = c.identifiers().get(i);
                    if (id != null && !kinds.add(id.type() + "|" + id.issuer())) {
                        v.add(Violation.of("identifiers[" + i + "]", "UniqueType",
                                "a customer has at most one identifier per type and issuer"));
                    }
                }
            }
        }
        if (c != null && c.identifiers() != null && c.contactPoints() != null) {
            refuseMasked(c.identifiers(), c.contactPoints(), v);
        }
        return v;
    }

    @Override
    public Customer update(Customer changed) {
        Check.notNull(changed, "customer");
        List<Violation> input = new java.util.ArrayList<>();
        plausible(changed.birthDate(), engine.today(), "birthDate", input);
        throwIfAny(input);
        return engine.write(access, Operation.CUSTOMER_UPDATE, "Customer", changed.id(), Call.of("customers", "update", changed),
                null, changed, () -> {
            Customer current = access.requireWritable(Operation.CUSTOMER_UPDATE, changed.id());
            List<Violation> v = new java.util.ArrayList<>();
            refuseMasked(changed.identifiers(), changed.contactPoints(), v);
            if (!access.scope(Operation.CUSTOMER_UPDATE).includes(changed)) {
                v.add(Violation.of("owner", "InScope", "the new owner and branch must be within the actor's scope"));
            }
            if (changed.type() != current.type()) {
                v.add(Violation.of("type", "Immutable", "cannot change once registered"));
            }
            if (changed.lifecycle() != current.lifecycle() || !changed.lifecycleHistory().equals(current.lifecycleHistory())) {
                v.add(Violation.of("lifecycle", "UseChangeLifecycle", "changes only through changeLifecycle"));
            }
            if (!Objects.equals(changed.tier(), current.tier())) {
                v.add(Violation.of("tier", "UseTierService", "changes only through the tier service"));
            }
            throwIfAny(v);
            Instant now = engine.now();
            // Keep who created it from the stored record: callers cannot rewrite history.
            Meta meta = new Meta(changed.meta().version(), current.meta().createdAt(), current.meta().createdBy(), now,
                    actor.id());
            Customer next = changed.withMeta(meta);
            engine.guard(current, next, current.id());
            Customer saved = engine.store.customers().save(next);
            engine.emit(new CrmEvent.CustomerChanged(now, actor.id(), saved.id(), saved.meta().version()));
            return access.mask(saved);
        });
    }

    @Override
    public Customer changeLifecycle(CustomerId id, LifecycleStage to, LocalDate effectiveOn, String reason) {
        List<Violation> v = new java.util.ArrayList<>();
        if (id == null) {
            v.add(Violation.of("id", "NotNull", "must not be null"));
        }
        if (to == null) {
            v.add(Violation.of("to", "NotNull", "must not be null"));
        }
        if (effectiveOn == null) {
            v.add(Violation.of("effectiveOn", "NotNull", "must not be null"));
        }
        plausible(effectiveOn, engine.today().plusDays(1), "effectiveOn", v);
        CommandValidator.reason(reason, v);
        throwIfAny(v);
        return engine.write(access, Operation.CUSTOMER_LIFECYCLE, "Customer", id,
                Call.of("customers", "changeLifecycle", id, to, effectiveOn, reason), reason, to, () -> {
            Customer current = access.requireWritable(Operation.CUSTOMER_LIFECYCLE, id);
            if (!current.lifecycle().canMoveTo(to)) {
                throwIfAny(List.of(Violation.of("lifecycle", "LifecycleTransition",
                        "cannot move from " + current.lifecycle() + " to " + to + "; allowed: " + current.lifecycle().next())));
            }
            Instant now = engine.now();
            LifecycleChange change = new LifecycleChange(current.lifecycle(), to, effectiveOn, reason, now, actor.id());
            Customer next = current.withLifecycleChange(change).withMeta(current.meta().touched(now, actor.id()));
            engine.guard(current, next, id);
            Customer saved = engine.store.customers().save(next);
            engine.emit(new CrmEvent.LifecycleChanged(now, actor.id(), id, current.lifecycle(), to));
            return access.mask(saved);
        });
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Check.notNull(id, "id");
        return access.visible(id).flatMap(this::redirect).map(access::mask);
    }

    @Override
    public Customer get(CustomerId id) {
        Check.notNull(id, "id");
        return find(id).orElseThrow(() -> new io.crmkit.core.error.NotFoundException("Customer", id.value()));
    }

    /** A merged-away customer reads as its survivor (see {@code MergeService}). */
    private Optional<Customer> redirect(Customer c) {
        return MergeRedirect.follow(engine, access, c);
    }

    @Override
    public Optional<Customer> findByIdentifier(Identifier identifier) {
        Check.notNull(identifier, "identifier");
        if (identifier.isMasked()) {
            return Optional.empty();
        }
        return engine.store.customers().findByIdentifier(identifier).filter(access::sees).flatMap(this::redirect)
                .map(access::mask);
    }

    @Override
    public java.util.Map<Identifier, Customer> findByIdentifiers(java.util.Collection<Identifier> identifiers) {
        List<Identifier> asked = io.crmkit.core.spi.IdentifierBatch.check(identifiers).stream()
                .filter(i -> !i.isMasked()).toList();
        java.util.Map<Identifier, Customer> found = new java.util.LinkedHashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        // mask once per customer: two identifiers of one customer share its masked copy
        java.util.Map<CustomerId, Customer> masked = new java.util.HashMap<>();
        engine.store.customers().findByIdentifiers(asked).forEach((i, c) -> {
            if (access.sees(c)) {
                redirect(c).ifPresent(r -> found.put(i, masked.computeIfAbsent(r.id(), k -> access.mask(r))));
            }
        });
        return found;
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        Check.notNull(query, "query");
        Check.notNull(page, "page");
        if (access.readScope().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        // The actor's scope goes into the store query; a scope the caller put on the query narrows
        // further (it is never widened by the actor's, nor replaced by it).
        io.crmkit.core.spi.DataScope own = query.scope();
        CustomerQuery scoped = access.readScope().all() ? query : query.within(access.readScope());
        return ScopedPages.filter(p -> engine.store.customers().find(scoped, p),
                c -> access.sees(c) && (own == null || own.includes(c))
                        && !c.tags().contains(io.crmkit.core.MergeService.TOMBSTONE_TAG), access::mask, page, c -> c.id().value());
    }

    @Override
    public Contact addContact(NewContact c) {
        List<Violation> v = engine.validator.check(c, "contact");
        if (c != null && c.contactPoints() != null) {
            refuseMasked(List.of(), c.contactPoints(), v);
        }
        throwIfAny(v);
        return engine.write(access, Operation.CONTACT_WRITE, "Contact", null, Call.of("customers", "addContact", c), null, c, () -> {
            access.requireWritable(Operation.CONTACT_WRITE, c.customerId());
            if (c.personCustomerId() != null) {
                access.requireVisible(c.personCustomerId());
            }
            Instant now = engine.now();
            if (c.primary()) {
                demotePrimary(c.customerId(), now);
            }
            Contact contact = new Contact(ContactId.of(engine.newId("Contact")), c.customerId(), c.name(), c.title(),
                    c.department(), c.salutation(), c.primary(), c.contactPoints(), c.personCustomerId(),
                    Meta.created(now, actor.id()));
            engine.guard(null, contact, c.customerId());
            return access.mask(engine.store.contacts().save(contact));
        });
    }

    private void demotePrimary(CustomerId customerId, Instant now) {
        for (Contact other : engine.store.contacts().findByCustomer(customerId)) {
            if (other.primary()) {
                engine.store.contacts().save(other.withPrimary(false).withMeta(other.meta().touched(now, actor.id())));
            }
        }
    }

    @Override
    public Contact updateContact(Contact changed) {
        Check.notNull(changed, "contact");
        return engine.write(access, Operation.CONTACT_WRITE, "Contact", changed.id(), Call.of("customers", "updateContact", changed),
                null, changed, () -> {
            Contact current = engine.store.contacts().findById(changed.id())
                    .filter(k -> access.visible(k.customerId()).isPresent())
                    .orElseThrow(() -> new NotFoundException("Contact", changed.id().value()));
            access.requireWritable(Operation.CONTACT_WRITE, current.customerId());
            List<Violation> masked = new java.util.ArrayList<>();
            refuseMasked(List.of(), changed.contactPoints(), masked);
            throwIfAny(masked);
            if (changed.personCustomerId() != null && !changed.personCustomerId().equals(current.personCustomerId())) {
                access.requireVisible(changed.personCustomerId());
            }
            if (!changed.customerId().equals(current.customerId())) {
                throwIfAny(List.of(Violation.of("customerId", "Immutable", "a contact cannot move to another customer")));
            }
            Instant now = engine.now();
            if (changed.primary() && !current.primary()) {
                demotePrimary(current.customerId(), now);
            }
            Meta meta = new Meta(changed.meta().version(), current.meta().createdAt(), current.meta().createdBy(), now,
                    actor.id());
            Contact next = changed.withMeta(meta);
            engine.guard(current, next, current.customerId());
            return access.mask(engine.store.contacts().save(next));
        });
    }

    @Override
    public List<Contact> contacts(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.contacts().findByCustomer(customerId).stream().map(access::mask).toList();
    }

    @Override
    public Optional<Contact> findContact(ContactId id) {
        Check.notNull(id, "id");
        return engine.store.contacts().findById(id).filter(c -> access.visible(c.customerId()).isPresent()).map(access::mask);
    }

    @Override
    public Relationship relate(CustomerId from, RelationshipType type, CustomerId to, @Nullable LocalDate validFrom) {
        List<Violation> v = new java.util.ArrayList<>();
        if (from == null) {
            v.add(Violation.of("from", "NotNull", "must not be null"));
        }
        if (type == null) {
            v.add(Violation.of("type", "NotNull", "must not be null"));
        }
        if (to == null) {
            v.add(Violation.of("to", "NotNull", "must not be null"));
        }
        if (from != null && from.equals(to)) {
            v.add(Violation.of("to", "NotSelf", "a customer cannot be related to itself"));
        }
        plausible(validFrom, engine.today().plusYears(1), "validFrom", v);
        throwIfAny(v);
        return engine.write(access, Operation.RELATIONSHIP_WRITE, "Relationship", null,
                Call.of("customers", "relate", from, type, to, validFrom), null, type, () -> {
            access.requireWritable(Operation.RELATIONSHIP_WRITE, from);
            access.requireVisible(to);
            LocalDate today = engine.today();
            boolean exists = engine.store.relationships().findByCustomer(from).stream()
                    .anyMatch(r -> r.type() == type && r.isCurrentOn(today)
                            && ((r.from().equals(from) && r.to().equals(to))
                                    || (type.symmetric() && r.from().equals(to) && r.to().equals(from))));
            if (exists) {
                throwIfAny(List.of(Violation.of("type", "NotDuplicate", "this relationship already holds")));
            }
            Relationship r = new Relationship(RelationshipId.of(engine.newId("Relationship")), from, to, type, validFrom,
                    null, Meta.created(engine.now(), actor.id()));
            engine.guard(null, r, from);
            return engine.store.relationships().save(r);
        });
    }

    @Override
    public Relationship endRelationship(RelationshipId id, LocalDate lastDay) {
        List<Violation> v = new java.util.ArrayList<>();
        if (id == null) {
            v.add(Violation.of("id", "NotNull", "must not be null"));
        }
        if (lastDay == null) {
            v.add(Violation.of("lastDay", "NotNull", "must not be null"));
        }
        plausible(lastDay, CommandValidator.LATEST_STORED, "lastDay", v);
        throwIfAny(v);
        return engine.write(access, Operation.RELATIONSHIP_WRITE, "Relationship", id,
                Call.of("customers", "endRelationship", id, lastDay), null, lastDay, () -> {
            Relationship current = engine.store.relationships().findById(id)
                    .filter(r -> access.visible(r.from()).isPresent() && access.visible(r.to()).isPresent())
                    .orElseThrow(() -> new NotFoundException("Relationship", id.value()));
            access.requireWritable(Operation.RELATIONSHIP_WRITE, current.from());
            if (current.validFrom() != null && lastDay.isBefore(current.validFrom())) {
                throwIfAny(List.of(Violation.of("lastDay", "NotBeforeStart", "must not be before validFrom")));
            }
            Relationship next = current.endedOn(lastDay).withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.from());
            return engine.store.relationships().save(next);
        });
    }

    @Override
    public List<Relationship> relationships(CustomerId customerId, boolean currentOnly) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        LocalDate today = engine.today();
        return engine.store.relationships().findByCustomer(customerId).stream()
                .filter(r -> !currentOnly || r.isCurrentOn(today)).filter(r -> otherVisible(r, customerId)).toList();
    }

    /** A relationship shows only when the customer on its other side is visible too. */
    private boolean otherVisible(Relationship r, CustomerId self) {
        CustomerId other = r.from().equals(self) ? r.to() : r.from();
        return access.visible(other).isPresent();
    }

    @Override
    public Customer360 view(CustomerId id) {
        Check.notNull(id, "id");
        // One transaction: one connection and a consistent picture; the store answers the whole
        // view in as few round trips as it can (CrmStore.customerView).
        return engine.store.inTransaction(() -> {
            CustomerViewData data = read(id, id);
            if (!data.customer().tags().contains(io.crmkit.core.MergeService.TOMBSTONE_TAG)) {
                return gather(id, data);
            }
            // a merged-away id views its survivor, as every read through it does: one more read, for tombstones only
            CustomerId survivor = redirect(data.customer()).map(Customer::id)
                    .orElseThrow(() -> new NotFoundException("Customer", id.value()));
            return survivor.equals(id) ? gather(id, data) : gather(survivor, read(survivor, id));
        });
    }

    /** The store's view of {@code id}, as the actor sees it; absent or hidden is "not found" under the id asked for. */
    private CustomerViewData read(CustomerId id, CustomerId asked) {
        return engine.store.customerView(id,
                new CustomerViewData.ViewRequest(engine.today(), VIEW_INTERACTIONS, engine.audit != null))
                .filter(d -> access.sees(d.customer()))
                .orElseThrow(() -> new NotFoundException("Customer", asked.value()));
    }

    private Customer360 gather(CustomerId id, CustomerViewData data) {
        LocalDate today = engine.today();
        Customer customer = access.mask(data.customer());
        // a relationship or contact person shows only when the customer it names is visible too;
        // the store read those customers with the view, so judging them costs no round trip
        java.util.function.Predicate<CustomerId> visible = other -> {
            Customer c = data.related().get(other);
            return c != null ? access.sees(c) : access.visible(other).isPresent();
        };
        List<Contact> contacts = data.contacts().stream().map(c -> access.mask(c, visible)).toList();
        List<Relationship> relationships = data.relationships().stream().filter(r -> r.isCurrentOn(today))
                .filter(r -> visible.test(r.from().equals(id) ? r.to() : r.from())).toList();
        List<Opportunity> open = data.opportunities().stream().filter(Opportunity::isOpen).toList();
        List<Task> tasks = data.tasks().stream().filter(t -> t.status().isOpen()).toList();
        List<io.crmkit.core.approval.PendingRequest> pending = data.pendingRequests().stream()
                .filter(r -> r.isOpenAt(engine.now())).toList();
        return new Customer360(customer, contacts, relationships, data.accounts(), data.latestSnapshots(), data.tier(),
                data.tierAssignment(), data.timeline().items(), data.interactionCount(), open, tasks, pending,
                data.openCases() != null ? CaseServiceImpl.views(data.openCases(), engine.now()) : CaseServiceImpl.openCases(engine, id),
                data.memberships() != null ? OutreachViews.newestFirst(data.memberships()) : OutreachViews.memberships(engine, id),
                data.subscriptions() != null ? OutreachViews.byTopic(data.subscriptions()) : OutreachViews.subscriptions(engine, id));
    }
}
