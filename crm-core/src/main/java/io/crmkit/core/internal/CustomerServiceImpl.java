package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.Customer360;
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

    CustomerServiceImpl(Engine engine, Actor actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Customer register(NewCustomer c) {
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
        throwIfAny(v);
        return engine.write(actor, "customer.register", "Customer", null, c, () -> {
            Instant now = engine.now();
            LifecycleChange first = new LifecycleChange(null, c.initialStage(), engine.today(), "registered", now, actor.id());
            Customer customer = new Customer(CustomerId.of(engine.newId("Customer")), c.type(),
                    new CustomerName(c.legalName(), c.preferredName(), c.localName()), c.identifiers(), c.birthDate(),
                    c.profile(), c.initialStage(), List.of(first), c.owner(), c.branch(), null, c.tags(),
                    c.contactPoints(), c.extensions(), Meta.created(now, actor.id()));
            Customer saved = engine.store.customers().save(customer);
            engine.emit(new CrmEvent.CustomerRegistered(now, actor.id(), saved.id()));
            return saved;
        });
    }

    @Override
    public Customer update(Customer changed) {
        Check.notNull(changed, "customer");
        List<Violation> input = new java.util.ArrayList<>();
        plausible(changed.birthDate(), engine.today(), "birthDate", input);
        throwIfAny(input);
        return engine.write(actor, "customer.update", "Customer", changed.id(), changed, () -> {
            Customer current = engine.requireVisible(actor, changed.id());
            List<Violation> v = new java.util.ArrayList<>();
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
            Customer saved = engine.store.customers().save(changed.withMeta(meta));
            engine.emit(new CrmEvent.CustomerChanged(now, actor.id(), saved.id(), saved.meta().version()));
            return saved;
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
        return engine.write(actor, "customer.changeLifecycle", "Customer", id, to, () -> {
            Customer current = engine.requireVisible(actor, id);
            if (!current.lifecycle().canMoveTo(to)) {
                throwIfAny(List.of(Violation.of("lifecycle", "LifecycleTransition",
                        "cannot move from " + current.lifecycle() + " to " + to + "; allowed: " + current.lifecycle().next())));
            }
            Instant now = engine.now();
            LifecycleChange change = new LifecycleChange(current.lifecycle(), to, effectiveOn, reason, now, actor.id());
            Customer saved = engine.store.customers().save(current.withLifecycleChange(change)
                    .withMeta(current.meta().touched(now, actor.id())));
            engine.emit(new CrmEvent.LifecycleChanged(now, actor.id(), id, current.lifecycle(), to));
            return saved;
        });
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Check.notNull(id, "id");
        return engine.visibleCustomer(actor, id);
    }

    @Override
    public Customer get(CustomerId id) {
        Check.notNull(id, "id");
        return engine.requireVisible(actor, id);
    }

    @Override
    public Optional<Customer> findByIdentifier(Identifier identifier) {
        Check.notNull(identifier, "identifier");
        return engine.store.customers().findByIdentifier(identifier).filter(c -> engine.canSee(actor, c));
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
        Check.notNull(query, "query");
        Check.notNull(page, "page");
        Page<Customer> raw = engine.store.customers().find(query, page);
        return new Page<>(raw.items().stream().filter(c -> engine.canSee(actor, c)).toList(), raw.nextCursor());
    }

    @Override
    public Contact addContact(NewContact c) {
        List<Violation> v = engine.validator.check(c, "contact");
        throwIfAny(v);
        return engine.write(actor, "contact.add", "Contact", null, c, () -> {
            engine.requireVisible(actor, c.customerId());
            Instant now = engine.now();
            if (c.primary()) {
                demotePrimary(c.customerId(), now);
            }
            Contact contact = new Contact(ContactId.of(engine.newId("Contact")), c.customerId(), c.name(), c.title(),
                    c.department(), c.salutation(), c.primary(), c.contactPoints(), c.personCustomerId(),
                    Meta.created(now, actor.id()));
            return engine.store.contacts().save(contact);
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
        return engine.write(actor, "contact.update", "Contact", changed.id(), changed, () -> {
            Contact current = engine.store.contacts().findById(changed.id())
                    .orElseThrow(() -> new NotFoundException("Contact", changed.id().value()));
            engine.requireVisible(actor, current.customerId());
            if (!changed.customerId().equals(current.customerId())) {
                throwIfAny(List.of(Violation.of("customerId", "Immutable", "a contact cannot move to another customer")));
            }
            Instant now = engine.now();
            if (changed.primary() && !current.primary()) {
                demotePrimary(current.customerId(), now);
            }
            Meta meta = new Meta(changed.meta().version(), current.meta().createdAt(), current.meta().createdBy(), now,
                    actor.id());
            return engine.store.contacts().save(changed.withMeta(meta));
        });
    }

    @Override
    public List<Contact> contacts(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        engine.requireVisible(actor, customerId);
        return engine.store.contacts().findByCustomer(customerId);
    }

    @Override
    public Optional<Contact> findContact(ContactId id) {
        Check.notNull(id, "id");
        return engine.store.contacts().findById(id).filter(c -> engine.visibleCustomer(actor, c.customerId()).isPresent());
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
        return engine.write(actor, "relationship.add", "Relationship", null, type, () -> {
            engine.requireVisible(actor, from);
            engine.requireVisible(actor, to);
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
        return engine.write(actor, "relationship.end", "Relationship", id, lastDay, () -> {
            Relationship current = engine.store.relationships().get(id);
            engine.requireVisible(actor, current.from());
            if (current.validFrom() != null && lastDay.isBefore(current.validFrom())) {
                throwIfAny(List.of(Violation.of("lastDay", "NotBeforeStart", "must not be before validFrom")));
            }
            return engine.store.relationships().save(current.endedOn(lastDay)
                    .withMeta(current.meta().touched(engine.now(), actor.id())));
        });
    }

    @Override
    public List<Relationship> relationships(CustomerId customerId, boolean currentOnly) {
        Check.notNull(customerId, "customerId");
        engine.requireVisible(actor, customerId);
        LocalDate today = engine.today();
        return engine.store.relationships().findByCustomer(customerId).stream()
                .filter(r -> !currentOnly || r.isCurrentOn(today)).toList();
    }

    @Override
    public Customer360 view(CustomerId id) {
        Check.notNull(id, "id");
        // One transaction for the nine reads: one connection and session for a database store,
        // and a consistent picture instead of nine separate ones.
        return engine.store.inTransaction(() -> gather(id));
    }

    private Customer360 gather(CustomerId id) {
        Customer customer = engine.requireVisible(actor, id);
        LocalDate today = engine.today();
        List<Contact> contacts = engine.store.contacts().findByCustomer(id);
        List<Relationship> relationships = engine.store.relationships().findByCustomer(id).stream()
                .filter(r -> r.isCurrentOn(today)).toList();
        List<LinkedAccount> accounts = engine.store.accounts().findByCustomer(id);
        Map<io.crmkit.core.account.AccountId, AccountSnapshot> snapshots =
                accounts.isEmpty() ? Map.of() : engine.store.accounts().latestSnapshots(id, today);
        TierDefinition tier = customer.tier() == null ? null : engine.store.tiers().definitions().stream()
                .filter(d -> d.code().equals(customer.tier())).findFirst().orElse(null);
        TierAssignment assignment = engine.store.tiers().current(id).orElse(null);
        Page<Interaction> latest = engine.store.interactions().timeline(id, PageRequest.first(VIEW_INTERACTIONS));
        long count = latest.hasNext() ? engine.store.interactions().countByCustomer(id) : latest.items().size();
        List<Opportunity> open = engine.store.opportunities().findByCustomer(id).stream().filter(Opportunity::isOpen).toList();
        List<Task> tasks = engine.store.tasks().findByCustomer(id).stream().filter(t -> t.status().isOpen()).toList();
        return new Customer360(customer, contacts, relationships, accounts, snapshots, tier, assignment, latest.items(),
                count, open, tasks);
    }
}
