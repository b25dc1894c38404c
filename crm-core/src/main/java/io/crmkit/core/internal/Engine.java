package io.crmkit.core.internal;

import io.crmkit.core.IdGenerator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.AccessPolicy;
import io.crmkit.core.governance.Command;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service shares: the store, clock, ids, validation, the interceptor chain around
 * writes, the access policy on reads, and events held until the outermost transaction commits.
 * Thread-safe.
 */
final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    final CrmStore store;
    final Clock clock;
    final ZoneId zone;
    final CommandValidator validator = new CommandValidator();
    final int maturityLookaheadDays;
    private final IdGenerator ids;
    private final List<CrmEventListener> listeners;
    private final List<CommandInterceptor> interceptors;
    private final AccessPolicy accessPolicy;
    private final ThreadLocal<List<CrmEvent>> pending = new ThreadLocal<>();

    Engine(CrmStore store, Clock clock, ZoneId zone, IdGenerator ids, List<CrmEventListener> listeners,
            List<CommandInterceptor> interceptors, AccessPolicy accessPolicy, int maturityLookaheadDays) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.ids = ids;
        this.listeners = List.copyOf(listeners);
        this.interceptors = List.copyOf(interceptors);
        this.accessPolicy = accessPolicy;
        this.maturityLookaheadDays = maturityLookaheadDays;
    }

    /** Now, to the microsecond: what every store keeps, so a record reads back equal to what was saved. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    String newId(String type) {
        return ids.next(type);
    }

    /** Runs a write through the interceptors, then in a transaction; events go out after commit. */
    <T> T write(Actor actor, String operation, String type, @Nullable Object id, Object input, Supplier<T> work) {
        Command command = new Command(actor, operation, type, id == null ? null : id.toString(), input);
        Supplier<T> chain = () -> transactional(work);
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            CommandInterceptor interceptor = interceptors.get(i);
            Supplier<T> next = chain;
            chain = () -> interceptor.intercept(command, next);
        }
        T result = chain.get();
        log.debug("{} on {} {} by {}", operation, type, id, actor.id());
        return result;
    }

    /** A unit of work: joins a running one, or starts one and publishes its events after commit. */
    <T> T transactional(Supplier<T> work) {
        if (pending.get() != null) {
            return store.inTransaction(work);
        }
        List<CrmEvent> events = new ArrayList<>();
        pending.set(events);
        T result;
        try {
            result = store.inTransaction(work);
        } finally {
            pending.remove();
        }
        publish(events);
        return result;
    }

    /** Queues an event for after the commit of the running unit of work. */
    void emit(CrmEvent event) {
        List<CrmEvent> events = pending.get();
        if (events == null) {
            publish(List.of(event));
        } else {
            events.add(event);
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

    boolean canSee(Actor actor, Customer customer) {
        return accessPolicy.canSee(actor, customer);
    }

    /** The customer if it exists and the actor may see it. */
    Optional<Customer> visibleCustomer(Actor actor, CustomerId id) {
        return store.customers().findById(id).filter(c -> canSee(actor, c));
    }

    Customer requireVisible(Actor actor, CustomerId id) {
        return visibleCustomer(actor, id).orElseThrow(() -> new NotFoundException("Customer", id.value()));
    }
}
