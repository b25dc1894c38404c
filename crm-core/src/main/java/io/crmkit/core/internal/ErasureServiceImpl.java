package io.crmkit.core.internal;

import io.crmkit.core.ErasureService;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.approval.Approval;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.erasure.RetentionHold;
import io.crmkit.core.erasure.RetentionRule;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ErasureService}: the request goes through the write pipeline like every change and always
 * parks for approval; its replay on approval either schedules the erasure (a retention hold with a
 * known end) or applies it in the approval's transaction. Thread-safe.
 */
final class ErasureServiceImpl implements ErasureService {
    private static final int MAX_DUE = 1_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErasureServiceImpl.class);

    private final Access access;
    private final Engine engine;

    ErasureServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    private void requireOn() {
        if (engine.audit == null) {
            throw new StoreException("erasure needs maker-checker: build the Crm with an audit trail (permissions or audit(true))",
                    false);
        }
        engine.store.erasures();
    }

    @Override
    public Erasure request(CustomerId customerId, String reason) {
        Check.notNull(customerId, "customerId");
        Check.notBlank(reason, "reason", 200);
        requireOn();
        return engine.write(access, Operation.CUSTOMER_ERASE, "Customer", customerId,
                Call.of("erasure", "request", customerId, reason), reason, customerId, () -> {
                    Customer c = access.requireWritable(Operation.CUSTOMER_ERASE, customerId);
                    for (Erasure e : engine.store.erasures().findByCustomer(customerId)) {
                        throw e.status() == ErasureStatus.COMPLETED
                                ? ValidationException.of("customerId", "Erased", "the customer is already erased")
                                : ValidationException.of("customerId", "Scheduled", "an erasure of the customer is already scheduled");
                    }
                    List<RetentionHold> holds = holdsOf(customerId);
                    for (RetentionHold h : holds) {
                        if (!h.schedulable()) {
                            throw ValidationException.of("customerId", "RetentionHold", h.reason());
                        }
                    }
                    engine.guard(c, Erasures.customer(c, engine.zone), customerId);
                    PendingRequest approved = engine.currentWrite() == null ? null : engine.currentWrite().approved();
                    if (approved == null) {
                        throw new StoreException("an erasure runs only as an approved request", false);
                    }
                    Instant now = engine.now();
                    Erasure record = new Erasure(ErasureId.of(engine.newId("Erasure")), customerId, ErasureStatus.SCHEDULED,
                            approved.id(), approved.makerId(), approved.approvals().stream().map(Approval::checker).toList(),
                            approved.submittedAt(), now, List.of(), null, Map.of(), 0, 0, null, Meta.created(now, access.actor().id()));
                    Optional<Instant> until = holdEnd(holds);
                    if (until.isPresent()) {
                        return engine.store.erasures().save(record.deferredTo(until.get(), reasons(holds)));
                    }
                    return apply(c, record);
                });
    }

    @Override
    public List<RetentionHold> holds(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return holdsOf(customerId);
    }

    @Override
    public List<Erasure> forCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        requireOn();
        access.requireVisible(customerId);
        return engine.store.erasures().findByCustomer(customerId);
    }

    @Override
    public Erasure get(ErasureId id) {
        Check.notNull(id, "id");
        requireOn();
        return engine.store.erasures().findById(id).filter(e -> access.visible(e.customerId()).isPresent())
                .orElseThrow(() -> new NotFoundException("Erasure", id.value()));
    }

    @Override
    public int runDue() {
        requireOn();
        access.authorise(Operation.CUSTOMER_ERASE);
        if (!access.scope(Operation.CUSTOMER_ERASE).all()) {
            throw new AccessDeniedException(access.actor().id(), Operation.CUSTOMER_ERASE.code());
        }
        int applied = 0;
        for (Erasure due : engine.store.erasures().findDue(engine.now(), MAX_DUE)) {
            try {
                applied += runOne(due) ? 1 : 0;
            } catch (io.crmkit.core.error.CrmException e) {
                // one record that cannot run (its customer deleted, a conflict) must not stop the job; it stays due
                LOG.warn("scheduled erasure {} not applied: {}", due.id(), e.getClass().getSimpleName());
            }
        }
        return applied;
    }

    private boolean runOne(Erasure due) {
        return engine.internalWrite(access.actor(), Operation.CUSTOMER_ERASE.code(), null, () -> {
            Erasure current = engine.store.erasures().findById(due.id()).orElse(null);
            if (current == null || current.status() != ErasureStatus.SCHEDULED) {
                return false;
            }
            List<RetentionHold> holds = holdsOf(current.customerId());
            if (!holds.isEmpty()) {
                // a hold came back (account reopened, rule added): try again when it ends, or tomorrow if unknown
                Instant next = holdEnd(holds).orElse(engine.now().plus(java.time.Duration.ofDays(1)));
                engine.store.erasures().save(current.deferredTo(next, reasons(holds)));
                return false;
            }
            apply(engine.store.customers().get(current.customerId()), current);
            return true;
        });
    }

    /** The retention holds on the customer's records today. */
    private List<RetentionHold> holdsOf(CustomerId customerId) {
        List<RetentionRule> rules = engine.retention.rules();
        if (rules.isEmpty()) {
            return List.of();
        }
        LocalDate today = engine.today();
        List<RetentionHold> out = new ArrayList<>();
        for (LinkedAccount a : engine.store.accounts().findByCustomer(customerId)) {
            for (RetentionRule r : rules) {
                if (r.productLine() != a.productLine()) {
                    continue;
                }
                if (a.status() != AccountStatus.CLOSED || a.closedOn() == null) {
                    out.add(new RetentionHold(r.name(), a.id(), null, r.refuse()));
                } else {
                    LocalDate until = a.closedOn().plus(r.afterClosure());
                    if (!until.isBefore(today)) {
                        out.add(new RetentionHold(r.name(), a.id(), until, r.refuse()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(RetentionHold::rule).thenComparing(h -> h.accountId().value()));
        return out;
    }

    /** The start of the day after the last hold ends, if every hold has a known end. */
    private Optional<Instant> holdEnd(List<RetentionHold> holds) {
        if (holds.isEmpty() || holds.stream().anyMatch(h -> h.until() == null)) {
            return Optional.empty();
        }
        LocalDate last = holds.stream().map(RetentionHold::until).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(last.plusDays(1).atStartOfDay(engine.zone).toInstant());
    }

    private static List<String> reasons(List<RetentionHold> holds) {
        return holds.stream().map(h -> h.rule() + (h.until() == null ? " while open" : " until " + h.until())).distinct().toList();
    }

    /** Inside the running transaction: anonymises every record of the customer and writes the certificate. */
    private Erasure apply(Customer customer, Erasure record) {
        CrmStore store = engine.store;
        CustomerId id = customer.id();
        Counts counts = new Counts();
        counts.save(store.customers(), "Customer", customer, c -> Erasures.customer(c, engine.zone));
        for (Contact c : store.contacts().findByCustomer(id)) {
            counts.save(store.contacts(), "Contact", c, Erasures::contact);
        }
        for (Relationship r : store.relationships().findByCustomer(id)) {
            counts.save(store.relationships(), "Relationship", r, Erasures::relationship);
        }
        for (Interaction i : timeline(id)) {
            counts.save(store.interactions(), "Interaction", i, x -> Erasures.interaction(x, engine.zone));
        }
        for (Task t : store.tasks().findByCustomer(id)) {
            counts.save(store.tasks(), "Task", t, Erasures::task);
        }
        for (Opportunity o : store.opportunities().findByCustomer(id)) {
            counts.save(store.opportunities(), "Opportunity", o, Erasures::opportunity);
        }
        for (Alert a : store.alerts().findByCustomer(id)) {
            counts.save(store.alerts(), "Alert", a, Erasures::alert);
        }
        int reasons = store.tiers().replaceReasons(id, Erasures.ERASED);
        if (reasons > 0) {
            counts.records.merge("TierHistory", reasons, Integer::sum);
            counts.fields += reasons;
        }
        Instant now = engine.now();
        for (PendingRequest r : store.approvals().findByCustomer(id)) {
            counts.save(store.approvals(), "PendingRequest", r, x -> Erasures.request(x, access.actor().id(), now));
        }
        long redacted = redactAudit(id);
        String head = engine.audit.head("Customer", id.value()).map(AuditEntry::hash).orElse(null);
        Erasure stored = store.erasures().findById(record.id()).orElse(record);
        return store.erasures().save(stored.completed(now, counts.records, counts.fields, redacted, head));
    }

    /** Every interaction of the customer, read in full before any is changed (coarsening moves them in the timeline). */
    private List<Interaction> timeline(CustomerId id) {
        List<Interaction> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<Interaction> p = engine.store.interactions().timeline(id, page);
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
            page = page.next(p);
        }
    }

    /** Redacts every value of the customer's audit entries but codes and amounts; the hashes stay valid. */
    private long redactAudit(CustomerId id) {
        java.util.Set<String> done = new java.util.HashSet<>();
        long n = 0;
        // this unit's own entries first (the approval that led here): a store's queries may show committed data only
        for (AuditEntry e : engine.audit.appendedInUnit()) {
            if (id.equals(e.customerId()) && done.add(e.id())) {
                n += redact(e);
            }
        }
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<AuditEntry> p = engine.raw.audit().byCustomer(id, page);
            for (AuditEntry e : p.items()) {
                if (done.add(e.id())) {
                    n += redact(e);
                }
            }
            if (!p.hasNext()) {
                return n;
            }
            page = page.next(p);
        }
    }

    private int redact(AuditEntry e) {
        AuditEntry r = e.redacted(Erasures::keepsValue);
        if (r.equals(e)) {
            return 0;
        }
        engine.raw.audit().redact(r);
        return 1;
    }

    /** What the erasure changed: records per type and field values. */
    private static final class Counts {
        final Map<String, Integer> records = new TreeMap<>();
        long fields;

        <I, A extends Aggregate<I, A>> void save(Repository<A, I> repo, String type, A listed,
                java.util.function.UnaryOperator<A> anonymise) {
            records.merge(type, 1, Integer::sum);
            // lists may show committed data only: the record as this transaction sees it is the one to change
            A before = repo.findById(listed.id()).orElse(listed);
            A after = anonymise.apply(before);
            if (!before.equals(after)) {
                fields += AuditDiff.diff(before, after).size();
                repo.save(after);
            }
        }
    }
}
