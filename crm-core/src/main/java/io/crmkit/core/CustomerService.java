package io.crmkit.core;

import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The customer master: register and change customers, move them through the lifecycle, manage
 * their contacts and relationships, and read the 360 view. Every write runs on behalf of the
 * session's actor, validates all of its input first (one {@link ValidationException} listing every
 * violation; nothing written) and publishes events after it commits. Reads only return customers
 * the actor may see.
 *
 * <p>Thread-safe.
 */
public interface CustomerService {
    /**
     * Registers a customer in PROSPECT or ACTIVE.
     *
     * @throws ValidationException if the input breaks a rule
     * @throws DuplicateKeyException if an identifier belongs to another customer
     */
    Customer register(NewCustomer customer);

    /** The most records one {@link #registerAll} takes. */
    int MAX_BATCH = 10_000;

    /**
     * Registers many customers in one unit of work (an importer's chunk): what {@link #register}
     * does for each record (validation, the actor's permission and data scope, maker-checker, one
     * audit entry and one {@code CustomerRegistered} event per customer), with one transaction and
     * the store's batched writes for all of them. A record that breaks a rule is reported in its
     * {@link Registration} (the violations {@code register} would throw, or {@code DuplicateKey} on
     * {@code identifiers[i]} when the store or an earlier record of the batch holds that identifier)
     * while the others go in. When maker-checker covers registration, each record is registered
     * on its own and may come back as waiting for approval. Inside a running unit of work the
     * batch joins it.
     *
     * @return one registration per record, in the order given
     * @throws ValidationException on {@code customers} if the list is null or longer than {@link #MAX_BATCH}
     * @throws io.crmkit.core.error.AccessDeniedException if the actor may not register customers, or a
     *     record falls outside the actor's scope (nothing of the batch is written)
     * @throws DuplicateKeyException if the store refuses an identifier the batch's check could not
     *     see (nothing of the batch is written)
     */
    List<Registration> registerAll(List<NewCustomer> customers);

    /**
     * Saves a changed customer built with the {@code with*} methods from the version you read.
     * Lifecycle and tier are changed only by {@link #changeLifecycle} and the tier service.
     *
     * @throws ConflictException if the customer changed since you read it
     * @throws ValidationException if the change breaks a rule or touches lifecycle or tier
     * @throws NotFoundException if the customer does not exist or is not visible
     */
    Customer update(Customer changed);

    /**
     * Moves a customer to another lifecycle stage, with the business date and the reason, and
     * records the change in its history.
     *
     * @throws ValidationException if the move is not allowed (see {@link LifecycleStage}) or input is bad
     */
    Customer changeLifecycle(CustomerId id, LifecycleStage to, LocalDate effectiveOn, String reason);

    Optional<Customer> find(CustomerId id);

    /** @throws NotFoundException if absent or not visible */
    Customer get(CustomerId id);

    Optional<Customer> findByIdentifier(Identifier identifier);

    /**
     * {@link #findByIdentifier} for many identifiers in one store call (an importer's chunk): the
     * visible customers holding them, keyed by the identifier asked for, in the order given.
     * Identifiers nobody visible holds (and masked ones) are absent; a duplicate appears once.
     *
     * @throws ValidationException on {@code identifiers} if it is null, holds a null or more than
     *     {@link io.crmkit.core.spi.CustomerRepository#MAX_IDENTIFIER_BATCH}
     */
    Map<Identifier, Customer> findByIdentifiers(Collection<Identifier> identifiers);

    /** A page of the visible customers matching {@code query}, in id order (a page may be short when some are hidden). */
    Page<Customer> list(CustomerQuery query, PageRequest page);

    /** Adds a contact person; with {@code primary}, the former primary contact stops being primary. */
    Contact addContact(NewContact contact);

    /** Saves a changed contact built from the version you read. */
    Contact updateContact(Contact changed);

    List<Contact> contacts(CustomerId customerId);

    /** Records that {@code from} is the {@code type} of {@code to} from {@code validFrom} (or an unknown date). */
    Relationship relate(CustomerId from, RelationshipType type, CustomerId to, @Nullable LocalDate validFrom);

    /** Ends a relationship on {@code lastDay}. */
    Relationship endRelationship(RelationshipId id, LocalDate lastDay);

    /** The customer's relationships; with {@code currentOnly}, only those holding today. */
    List<Relationship> relationships(CustomerId customerId, boolean currentOnly);

    /**
     * The customer 360 view in one call: the customer, contacts, current relationships, linked
     * accounts with their latest snapshots, current tier, latest interactions, open opportunities
     * and open tasks.
     *
     * @throws NotFoundException if absent or not visible
     */
    Customer360 view(CustomerId id);

    /** The contact with this id, if its customer is visible. */
    Optional<Contact> findContact(ContactId id);

    /**
     * What became of one record of {@link #registerAll}: registered (the customer as the actor sees
     * it), rejected (the violations, with the paths {@code register} would report) or waiting for
     * approval (the pending request, when maker-checker applies). Exactly one of the three is set.
     *
     * <p>Immutable and thread-safe.
     *
     * @param customer the registered customer, or {@code null}
     * @param violations why the record was refused; empty (or null, read as empty) unless rejected
     * @param pending the request the record waits as, or {@code null}
     */
    record Registration(@Nullable Customer customer, List<Violation> violations, @Nullable PendingRequestId pending) {
        public Registration {
            violations = violations == null ? List.of() : List.copyOf(violations);
            // the component that must go is the one named: a registered record has no violations nor request
            Check.that(customer == null || violations.isEmpty(), "violations", "OneOutcome", "must be empty when registered");
            Check.that(pending == null || (customer == null && violations.isEmpty()), "pending", "OneOutcome",
                    "must be null when registered or rejected");
            Check.that(customer != null || !violations.isEmpty() || pending != null, "customer", "OneOutcome",
                    "one of customer, violations and pending must be set");
        }

        public static Registration registered(Customer customer) {
            return new Registration(customer, List.of(), null);
        }

        public static Registration rejected(List<Violation> violations) {
            return new Registration(null, violations, null);
        }

        public static Registration waiting(PendingRequestId request) {
            return new Registration(null, List.of(), request);
        }

        public boolean isRegistered() {
            return customer != null;
        }

        @Override
        public String toString() {
            return customer != null ? "Registration[registered " + customer.id() + "]"
                    : pending != null ? "Registration[pending " + pending + "]"
                    : "Registration[rejected, " + violations.size() + " violations]";
        }
    }
}
