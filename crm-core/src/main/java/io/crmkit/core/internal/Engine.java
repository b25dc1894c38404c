package io.crmkit.core.internal;

import io.crmkit.core.IdGenerator;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.AccessPolicy;
import io.crmkit.core.governance.Command;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service shares, and the one write pipeline: validate (in the service, every
 * violation at once) → authorise the operation → interceptors → in one transaction: load, check
 * the data scope, maker-checker (park the change as a pending request, or go on), apply, save and
 * audit (the audited store appends each entry in the same transaction) → after commit: publish
 * events. Thread-safe.
 */
final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /** The store as the services use it: audited when auditing is on. */
    final CrmStore store;
    /** The store as given. */
    final CrmStore raw;
    final Clock clock;
    final ZoneId zone;
    final CommandValidator validator = new CommandValidator();
    final int maturityLookaheadDays;
    final @Nullable Permissions permissions;
    final AccessPolicy accessPolicy;
    final FourEyes fourEyes;
    final @Nullable AuditRecorder audit;
    final io.crmkit.core.erasure.Retention retention;
    /** The firm's contact rules (consent and contact policy). */
    final io.crmkit.core.consent.ContactRules contactRules;
    /** The org tree and staff by unit, shared by every session (scope resolution reads it). */
    final OrgChart orgChart;
    private final IdGenerator ids;
    private final List<CrmEventListener> listeners;
    private final List<CommandInterceptor> interceptors;
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();
    private final ThreadLocal<Deque<WriteContext>> writes = ThreadLocal.withInitial(ArrayDeque::new);
    /** Set while a checker's approval replays a request: the next write applies it instead of parking it. */
    private final ThreadLocal<WriteContext> approving = new ThreadLocal<>();

    Engine(CrmStore raw, Clock clock, ZoneId zone, IdGenerator ids, List<CrmEventListener> listeners,
            List<CommandInterceptor> interceptors, AccessPolicy accessPolicy, int maturityLookaheadDays,
            @Nullable Permissions permissions, FourEyes fourEyes, @Nullable AuditTrail trail) {
        this(raw, clock, zone, ids, listeners, interceptors, accessPolicy, maturityLookaheadDays, permissions, fourEyes, trail,
                io.crmkit.core.erasure.Retention.none(), io.crmkit.core.consent.ContactRules.ofDefaults());
    }

    Engine(CrmStore raw, Clock clock, ZoneId zone, IdGenerator ids, List<CrmEventListener> listeners,
            List<CommandInterceptor> interceptors, AccessPolicy accessPolicy, int maturityLookaheadDays,
            @Nullable Permissions permissions, FourEyes fourEyes, @Nullable AuditTrail trail,
            io.crmkit.core.erasure.Retention retention, io.crmkit.core.consent.ContactRules contactRules) {
        this.retention = retention;
        this.contactRules = contactRules;
        this.raw = raw;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
        this.listeners = List.copyOf(listeners);
        this.interceptors = List.copyOf(interceptors);
        this.accessPolicy = accessPolicy;
        this.maturityLookaheadDays = maturityLookaheadDays;
        this.permissions = permissions;
        this.fourEyes = fourEyes;
        this.audit = trail == null ? null : new AuditRecorder(this, raw, trail);
        this.store = audit == null ? raw : AuditedStore.wrap(raw, audit);
        this.orgChart = new OrgChart(store, System::nanoTime, () -> {
            Unit running = unit.get();
            return running == null || !running.orgChanged;
        });
    }

    /**
     * Called by every org write before it changes the store: the shared chart is stale now, and
     * again when the unit of work ends (committed or rolled back), so no session keeps a chart read
     * in between.
     */
    void orgChanging() {
        orgChart.invalidate();
        Unit running = unit.get();
        if (running != null) {
            running.orgChanged = true;
        }
    }

    /** Now, to the microsecond: what every store keeps, so a record reads back equal to what was saved. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    String newId(String type) {
        String id = ids.next(type);
        Unit running = unit.get();
        if (running != null) {
            running.freshIds.add(id);
        }
        return id;
    }

    @Nullable Unit currentUnit() {
        return unit.get();
    }

    @Nullable WriteContext currentWrite() {
        return writes.get().peek();
    }

    /**
     * The write pipeline. {@code work} runs in a transaction with its audit context; a change a
     * four-eyes rule catches (see {@link #guard}) is rolled back and stored as a pending request,
     * and the caller gets {@link ApprovalRequiredException}.
     */
    <T> T write(Access access, Operation op, String type, @Nullable Object id, Call call, @Nullable String reason,
            Object input, Supplier<T> work) {
        Actor actor = access.actor();
        access.authorise(op);
        WriteContext approval = approving.get();
        approving.remove();
        WriteContext ctx = approval != null
                ? new WriteContext(actor, op.code(), op, call, reason, approval.approved(), approval.checker())
                : new WriteContext(actor, op.code(), op, call, reason, null, null);
        Command command = new Command(actor, op.code(), type, id == null ? null : id.toString(), input);
        Supplier<T> chain = () -> transactional(() -> within(ctx, work));
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            CommandInterceptor interceptor = interceptors.get(i);
            Supplier<T> next = chain;
            chain = () -> interceptor.intercept(command, next);
        }
        boolean nested = unit.get() != null;
        try {
            T result = chain.get();
            log.debug("{} on {} {} by {}", op.code(), type, id, actor.id());
            return result;
        } catch (Park park) {
            if (nested) {
                throw ValidationException.of("fourEyes", "Standalone",
                        "a change that needs approval must be submitted on its own, not inside a larger unit of work");
            }
            PendingRequest request = Approvals.submit(this, access, park);
            throw new ApprovalRequiredException(request.id(), park.rule.name());
        }
    }

    /** A write of the library's own (approval steps): audited under {@code operation}, no maker-checker. */
    <T> T internalWrite(Actor actor, String operation, @Nullable String reason, Supplier<T> work) {
        return transactional(() -> within(new WriteContext(actor, operation, null, null, reason, null, null), work));
    }

    /** Runs the next {@link #write} as the application of an approved request. */
    <T> T applying(PendingRequest request, String checker, Supplier<T> replay) {
        approving.set(new WriteContext(Actor.system("approval"), request.operation(), null, null, null, request, checker));
        try {
            return replay.get();
        } finally {
            approving.remove();
        }
    }

    /**
     * Runs {@code work} inside the running write with its own reason: the audit entries it makes
     * carry {@code reason} (one record of a batch call, each with the reason given for it).
     */
    <T> T withReason(String reason, Supplier<T> work) {
        WriteContext ctx = currentWrite();
        if (ctx == null) {
            return work.get();
        }
        return within(new WriteContext(ctx.actor(), ctx.operation(), ctx.op(), ctx.call(), reason, ctx.approved(),
                ctx.checker()), work);
    }

    private <T> T within(WriteContext ctx, Supplier<T> work) {
        Deque<WriteContext> stack = writes.get();
        stack.push(ctx);
        try {
            return work.get();
        } finally {
            stack.pop();
        }
    }

    /**
     * Maker-checker, called by a service inside its write once it knows the change: {@code before}
     * is the stored record ({@code null} when creating) and {@code after} what would be stored.
     * Either returns (go on) or throws the internal park signal. When applying an approved
     * request, checks instead that the record is still at the version the maker saw.
     */
    void guard(@Nullable Aggregate<?, ?> before, Aggregate<?, ?> after, @Nullable CustomerId customer) {
        WriteContext ctx = currentWrite();
        if (ctx == null || ctx.op() == null) {
            return;
        }
        if (ctx.approved() != null && ctx.approved().operation().equals(ctx.operation())) {
            long base = ctx.approved().baseVersion();
            if (base >= 0 && (before == null || before.meta().version() != base)) {
                throw new ConflictException(ctx.approved().aggregateType(), String.valueOf(ctx.approved().aggregateId()), base);
            }
            return;
        }
        Optional<ApprovalRule> rule = fourEyes.match(ctx.op(), before, after);
        if (rule.isEmpty() && ctx.op() == Operation.CUSTOMER_ERASE) {
            // an erasure cannot be undone: it always waits for a second person, whatever the configuration
            rule = Optional.of(ApprovalRule.erasure());
        }
        if (rule.isPresent()) {
            throw new Park(rule.get(), ctx, after.getClass().getSimpleName(), String.valueOf(after.id()), customer,
                    before == null ? -1 : before.meta().version());
        }
    }

    /** A unit of work: joins a running one, or starts one and publishes its events after commit. */
    <T> T transactional(Supplier<T> work) {
        if (unit.get() != null) {
            return store.inTransaction(work);
        }
        Unit fresh = new Unit(newId("Correlation"));
        unit.set(fresh);
        T result;
        try {
            result = store.inTransaction(work);
        } finally {
            unit.remove();
            if (fresh.orgChanged) {
                orgChart.invalidate();
            }
        }
        publish(fresh.events);
        return result;
    }

    /** Queues an event for after the commit of the running unit of work. */
    void emit(CrmEvent event) {
        Unit running = unit.get();
        if (running == null) {
            publish(List.of(event));
        } else {
            running.events.add(event);
        }
    }

    /**
     * Delivers committed events to every listener. The write has committed, so a listener's failure
     * must not look like the write's: whatever a listener throws (a runtime exception, a checked
     * exception thrown sneakily, an {@code Error} such as {@code AssertionError} or
     * {@code LinkageError}) is logged by type and swallowed, and the remaining listeners still run.
     * The one exception is a {@link VirtualMachineError} (out of memory, stack overflow): the
     * remaining listeners still run, then the first such error is rethrown, because the JVM may no
     * longer be able to go on. An interrupt is kept as the thread's interrupt flag.
     */
    private void publish(List<CrmEvent> events) {
        VirtualMachineError fatal = null;
        for (CrmEvent event : events) {
            for (CrmEventListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (VirtualMachineError e) {
                    if (fatal == null) {
                        fatal = e;
                    }
                } catch (Throwable e) { // NOPMD: see above, a listener must not undo or hide the commit
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    // Only types are logged: a listener's message may quote personal data.
                    log.warn("event listener {} threw {} on {} for customer {}", listener.getClass().getName(),
                            e.getClass().getName(), event.getClass().getSimpleName(), event.customerId());
                }
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    /** The internal signal that a change waits for approval; never leaves the library. */
    static final class Park extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApprovalRule rule;
        final transient WriteContext ctx;
        final String aggregateType;
        final String aggregateId;
        final transient @Nullable CustomerId customer;
        final long baseVersion;

        Park(ApprovalRule rule, WriteContext ctx, String aggregateType, String aggregateId, @Nullable CustomerId customer,
                long baseVersion) {
            super("parked for approval", null, false, false);
            this.rule = rule;
            this.ctx = ctx;
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
            this.customer = customer;
            this.baseVersion = baseVersion;
        }
    }
}
