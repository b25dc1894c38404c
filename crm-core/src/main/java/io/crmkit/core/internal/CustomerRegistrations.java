package io.crmkit.core.internal;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.CustomerService;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.CustomerService.Registration;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.spi.CustomerRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registration of new customers: the write of one ({@link #store}, shared with
 * {@code CustomerService.register}) and a batch in one unit of work ({@link #registerAll}).
 *
 * <p>A batch goes through the same pipeline as a single registration, once for the batch: the
 * operation's permission, the interceptors (one command holding the batch) and one transaction.
 * Inside it every record gets what {@code register} gives it: its own validation (a bad record is
 * reported, the others go in), the data-scope check, maker-checker's guard, the store's save (the
 * audited store appends one entry per record, each the start of the new customer's hash chain)
 * and its {@code CustomerRegistered} event after the commit. A record whose identifier the store
 * already holds, or an earlier record of the batch claimed, is reported as {@code DuplicateKey}
 * before anything is written, so the store's uniqueness check does not fail the batch for it.
 *
 * <p>When maker-checker covers registration, each record goes through {@code register} on its own
 * (its own unit of work, so it can wait for approval); nothing bypasses the rules.
 *
 * <p>Not thread-safe (one per call).
 */
final class CustomerRegistrations {
    private final Engine engine;
    private final Access access;
    private final CustomerService single;

    CustomerRegistrations(Engine engine, Access access, CustomerService single) {
        this.engine = engine;
        this.access = access;
        this.single = single;
    }

    /**
     * Builds the new customer, checks the actor's data scope and maker-checker, and saves it
     * through the (audited) store. Runs inside the write pipeline; returns the stored record
     * unmasked.
     *
     * @throws AccessDeniedException if the customer would fall outside the actor's scope
     */
    static Customer store(Engine engine, Access access, NewCustomer c) {
        String actor = access.actor().id();
        Customer customer = proposed(engine, c, newId(engine), actor);
        if (!access.scope(Operation.CUSTOMER_REGISTER).includes(customer)) {
            throw new AccessDeniedException(actor, Operation.CUSTOMER_REGISTER.code());
        }
        engine.guard(null, customer, customer.id());
        return engine.store.customers().save(customer);
    }

    /** The customer {@code c} registers as, with id {@code id}, made by {@code actor} now. */
    static Customer proposed(Engine engine, NewCustomer c, CustomerId id, String actor) {
        Instant now = engine.now();
        LifecycleChange first = new LifecycleChange(null, c.initialStage(), engine.today(), "registered", now, actor);
        return new Customer(id, c.type(), new CustomerName(c.legalName(), c.preferredName(), c.localName()), c.identifiers(),
                c.birthDate(), c.profile(), c.initialStage(), List.of(first), c.owner(), c.branch(), null, c.tags(),
                c.contactPoints(), c.extensions(), Meta.created(now, actor));
    }

    /**
     * A fresh customer id; when an approved registration is being applied, the id its request was
     * parked under, so the request, its events and its audit name the customer it created.
     */
    private static CustomerId newId(Engine engine) {
        WriteContext ctx = engine.currentWrite();
        PendingRequest approved = ctx == null ? null : ctx.approved();
        if (approved != null && approved.operation().equals(Operation.CUSTOMER_REGISTER.code()) && approved.customerId() != null
                && engine.store.customers().findById(approved.customerId()).isEmpty()) {
            return approved.customerId();
        }
        return CustomerId.of(engine.newId("Customer"));
    }

    List<Registration> registerAll(List<NewCustomer> customers) {
        Check.notNull(customers, "customers");
        Check.that(customers.size() <= CustomerService.MAX_BATCH, "customers", "Size",
                "must hold at most " + CustomerService.MAX_BATCH + " records");
        Registration[] out = new Registration[customers.size()];
        List<Integer> valid = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            List<Violation> v = CustomerServiceImpl.registrationProblems(engine, customers.get(i));
            if (v.isEmpty()) {
                valid.add(i);
            } else {
                out[i] = Registration.rejected(v);
            }
        }
        if (valid.isEmpty()) {
            return List.of(out);
        }
        if (engine.fourEyes.covers(Operation.CUSTOMER_REGISTER)) {
            for (int i : valid) {
                out[i] = one(customers.get(i));
            }
            return List.of(out);
        }
        List<NewCustomer> batch = valid.stream().map(customers::get).toList();
        engine.write(access, Operation.CUSTOMER_REGISTER, "Customer", null, Call.of("customers", "registerAll", batch), null,
                batch, () -> {
            Set<Identifier> taken = taken(batch);
            Set<String> claimed = new HashSet<>();
            for (int i : valid) {
                NewCustomer c = customers.get(i);
                List<Violation> duplicate = duplicates(c, taken, claimed);
                if (!duplicate.isEmpty()) {
                    out[i] = Registration.rejected(duplicate);
                    continue;
                }
                Customer saved = store(engine, access, c);
                engine.emit(new CrmEvent.CustomerRegistered(saved.meta().createdAt(), access.actor().id(), saved.id()));
                out[i] = Registration.registered(access.mask(saved));
            }
            return null;
        });
        return List.of(out);
    }

    /** One record through {@code register}: its own unit of work, so maker-checker can park it. */
    private Registration one(NewCustomer c) {
        try {
            return Registration.registered(single.register(c));
        } catch (ApprovalRequiredException e) {
            return Registration.waiting(e.requestId());
        } catch (ValidationException e) {
            return Registration.rejected(e.violations());
        }
    }

    /** The batch's identifiers that some customer in the store holds (visible to the actor or not), in as few reads as the store can. */
    private Set<Identifier> taken(List<NewCustomer> batch) {
        List<Identifier> all = new ArrayList<>();
        for (NewCustomer c : batch) {
            all.addAll(c.identifiers());
        }
        Set<Identifier> taken = new HashSet<>();
        int max = CustomerRepository.MAX_IDENTIFIER_BATCH;
        for (int from = 0; from < all.size(); from += max) {
            taken.addAll(engine.store.customers().findByIdentifiers(all.subList(from, Math.min(all.size(), from + max))).keySet());
        }
        return taken;
    }

    /** The store's uniqueness rule, checked before the write: one natural key, one customer. */
    private static List<Violation> duplicates(NewCustomer c, Set<Identifier> taken, Set<String> claimed) {
        List<Identifier> ids = c.identifiers();
        Violation[] found = new Violation[ids.size()];
        boolean any = false;
        for (int j = 0; j < ids.size(); j++) {
            if (taken.contains(ids.get(j)) || claimed.contains(ids.get(j).naturalKey())) {
                found[j] = Violation.of("identifiers[" + j + "]", "DuplicateKey", "belongs to another customer");
                any = true;
            }
        }
        if (any) {
            return Arrays.stream(found).filter(v -> v != null).toList();
        }
        for (Identifier id : ids) {
            claimed.add(id.naturalKey());
        }
        return List.of();
    }
}
