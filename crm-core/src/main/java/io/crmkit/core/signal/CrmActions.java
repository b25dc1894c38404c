package io.crmkit.core.signal;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.core.task.NewTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DecisionSink}: decisions go into a bounded queue in the publishing thread; one
 * writer thread takes them in batches and writes each batch in one CRM transaction (alert, task,
 * interaction, lifecycle hint per decision), then tells listeners and sends customer notices. A
 * batch that fails is written again decision by decision, so one bad decision (an unknown customer)
 * costs only itself. Idempotent: a decision whose alert exists writes nothing.
 *
 * <p>Thread-safe.
 */
final class CrmActions implements DecisionSink, AutoCloseable {
    /** The external system name on interactions the engine records; the alert id is the reference. */
    static final String SYSTEM = "crmkit-signal";
    private static final Logger log = LoggerFactory.getLogger(CrmActions.class);

    private final Crm crm;
    private final CrmSession session;
    private final ArrayBlockingQueue<Decision> queue;
    private final Overflow overflow;
    private final int batchSize;
    private final List<SignalListener> listeners;
    private final ContactGate gate;
    private final CustomerNotices notices;
    private final Set<Decision> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong outstanding = new AtomicLong();
    final LongAdder written = new LongAdder();
    final LongAdder alreadyPresent = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    private final Thread thread;
    private volatile boolean running = true;

    CrmActions(Crm crm, Actor actor, int capacity, Overflow overflow, int batchSize, List<SignalListener> listeners,
            ContactGate gate, CustomerNotices notices) {
        this.crm = crm;
        this.session = crm.as(actor);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.overflow = overflow;
        this.batchSize = batchSize;
        this.listeners = List.copyOf(listeners);
        this.gate = gate;
        this.notices = notices;
        this.thread = new Thread(this::run, "crmkit-signal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(Decision d) {
        pending.add(d);
        outstanding.incrementAndGet();
        if (overflow == Overflow.DROP) {
            if (!queue.offer(d)) {
                pending.remove(d);
                outstanding.decrementAndGet();
                dropped.increment();
                log.warn("queue full: dropped alert {} of rule {}", d.alertId(), d.rule().id());
            }
            return;
        }
        try {
            queue.put(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.remove(d);
            outstanding.decrementAndGet();
            dropped.increment();
        }
    }

    /** Decisions taken but not yet committed, for checkpoints. */
    List<Decision> pending() {
        return new ArrayList<>(pending);
    }

    int queued() {
        return queue.size();
    }

    /** Waits until every decision accepted so far has been written (or failed). */
    void flush() {
        while (outstanding.get() > 0) {
            if (!thread.isAlive()) {
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        List<Decision> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Decision first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                log.error("writer failed on a batch of {}: {}", batch.size(), e.getClass().getName());
            } finally {
                for (Decision d : batch) {
                    pending.remove(d);
                }
                outstanding.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<Decision> batch) {
        List<Alert> raised = new ArrayList<>();
        int failures = 0;
        try {
            session.inTransaction(() -> {
                for (Decision d : batch) {
                    apply(d, raised);
                }
                return null;
            });
        } catch (RuntimeException batchFailure) {
            raised.clear();
            for (Decision d : batch) {
                List<Alert> one = new ArrayList<>(1);
                try {
                    session.inTransaction(() -> {
                        apply(d, one);
                        return null;
                    });
                    raised.addAll(one);
                } catch (RuntimeException e) {
                    failures++;
                    failed.increment();
                    // the library's own messages name fields and rules, never values; anything else: type only
                    log.warn("could not write alert {} of rule {}: {}", d.alertId(), d.rule().id(),
                            e instanceof io.crmkit.core.error.CrmException ? e.getMessage() : e.getClass().getName());
                }
            }
        }
        written.add(raised.size());
        alreadyPresent.add(batch.size() - raised.size() - (long) failures);
        if (raised.isEmpty()) {
            return;
        }
        java.util.Map<AlertId, Decision> byAlert = new java.util.HashMap<>();
        for (Decision d : batch) {
            byAlert.put(d.alertId(), d);
        }
        for (Alert a : raised) {
            after(a, byAlert.get(a.id()));
        }
    }

    /** One decision's writes, inside the running transaction; adds the alert if it is new. */
    private void apply(Decision d, List<Alert> raised) {
        AlertId id = d.alertId();
        Rule rule = d.rule();
        HostEvent e = d.event();
        java.util.Optional<Alert> created = session.alerts().raiseIfAbsent(new NewAlert(id, rule.id(), e.customerId(),
                e.accountId(), rule.severity(), null, rule.reason(), e.eventId(), e.at()));
        if (created.isEmpty()) {
            return; // a replayed decision: its alert and actions were written before
        }
        Alert alert = created.get();
        if (rule.task() != null && alert.owner() != null) {
            TaskAction t = rule.task();
            session.tasks().assign(NewTask.of(t.title(), alert.owner(), e.at().plus(t.dueIn())).about(e.customerId())
                    .priority(t.priority()).description("Alert " + id.value()));
        }
        if (rule.interaction() != null) {
            session.interactions().record(NewInteraction.of(e.customerId(), rule.interaction(), Direction.INBOUND)
                    .at(e.at()).subject("Alert " + rule.id()).externalRef(ExternalRef.of(SYSTEM, id.value())).build());
        }
        if (rule.activateDormant()) {
            Customer c = session.customers().get(e.customerId());
            if (c.lifecycle() == LifecycleStage.DORMANT) {
                session.customers().changeLifecycle(c.id(), LifecycleStage.ACTIVE, LocalDate.ofInstant(e.at(), crm.zone()),
                        "active again: rule " + rule.id());
            }
        }
        raised.add(alert);
    }

    private void after(Alert a, Decision d) {
        for (SignalListener l : listeners) {
            try {
                l.onAlert(a);
            } catch (RuntimeException ex) {
                log.warn("signal listener {} threw {} on alert {}", l.getClass().getName(), ex.getClass().getName(), a.id());
            }
        }
        String template = d == null ? null : d.rule().customerNotice();
        if (template != null && gate.mayContact(a.customerId(), a.ruleId(), template)) {
            try {
                notices.send(a, template);
            } catch (RuntimeException ex) {
                log.warn("customer notice for alert {} failed: {}", a.id(), ex.getClass().getName());
            }
        }
    }

    @Override
    public void close() {
        flush();
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
