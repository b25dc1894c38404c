package io.crmkit.core.internal;

import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaEscalation;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaTarget;
import io.crmkit.core.casework.SlaTick;
import io.crmkit.core.casework.SlaTimer;
import io.crmkit.core.casework.Threshold;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLA monitor behind {@code CaseService.tick}: reads the due cases from the store's index on
 * {@code nextDueAt} (never a scan), announces each threshold reached at the given instant with a
 * task for its level and an event, and stores the rescheduled timers — all in one write. At most
 * {@link #MAX_PER_TICK} cases per call; a host job calls again while a call returns that many.
 * Thread-safe.
 */
final class SlaMonitor {
    /** Most due cases one tick handles. */
    static final int MAX_PER_TICK = 1_000;

    private final Engine engine;
    private final Access access;
    private final Actor actor;
    private final Escalations escalations;

    SlaMonitor(Access access, Escalations escalations) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
        this.escalations = escalations;
    }

    SlaTick tick(Instant now) {
        Check.notNull(now, "now");
        return engine.write(access, Operation.SLA_RUN, "ServiceCase", null, Call.of("cases", "tick", now), null, now, () -> {
            List<SlaEscalation> out = new ArrayList<>();
            int checked = 0;
            for (ServiceCase c : engine.store.cases().findDue(now, MAX_PER_TICK)) {
                Optional<Customer> customer = access.visible(c.customerId());
                if (customer.isEmpty() || !access.scope(Operation.SLA_RUN).includes(customer.get()) || c.sla() == null) {
                    continue;
                }
                checked++;
                ServiceCase next = settle(c, now, out);
                if (next != c) {
                    next = next.withMeta(c.meta().touched(engine.now(), actor.id()));
                    engine.guard(c, next, c.customerId());
                    engine.store.cases().save(next);
                }
            }
            return new SlaTick(now, checked, out);
        });
    }

    /**
     * The case with every threshold its timers have reached at {@code now} announced (tasks and
     * events raised, escalations added to {@code out}) and its timers rescheduled; the same
     * instance when nothing changed. Not saved: the caller saves it, with its own change.
     */
    ServiceCase settle(ServiceCase c, Instant now, List<SlaEscalation> out) {
        SlaPolicyDefinition policy = c.sla();
        if (policy == null) {
            return c;
        }
        List<SlaTimer> timers = new ArrayList<>();
        for (SlaTimer t : c.timers()) {
            SlaTarget target = policy.target(t.name());
            if (target == null) {
                timers.add(t);
                continue;
            }
            List<Threshold> reached = SlaClock.reached(t, target, now);
            for (Threshold th : reached) {
                out.add(escalate(c, t, th, now));
            }
            timers.add(reached.isEmpty() ? SlaClock.schedule(t, target, now)
                    : SlaClock.announced(t, target, reached.get(reached.size() - 1).percent(), now));
        }
        return timers.equals(c.timers()) ? c : c.withTimers(policy, timers);
    }

    private SlaEscalation escalate(ServiceCase c, SlaTimer t, Threshold th, Instant now) {
        StaffId who = escalations.holder(th.level(), c);
        TaskId taskId = null;
        Instant at = engine.now();
        if (who != null) {
            // Ids, codes and figures only: a task title is shown and logged freely.
            String title = "SLA " + (th.breach() ? "breach" : "warning") + " " + th.percent() + "%: " + t.name()
                    + " of case " + c.id();
            Instant due = t.breachAt() != null && !th.breach() ? t.breachAt() : now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Task task = new Task(TaskId.of(engine.newId("Task")), title, null, who, due, null,
                    th.breach() ? TaskPriority.URGENT : TaskPriority.HIGH, TaskStatus.OPEN, c.customerId(),
                    c.links().opportunityId(), null, Meta.created(at, actor.id()));
            taskId = engine.store.tasks().save(task).id();
            engine.emit(new CrmEvent.TaskAssigned(at, actor.id(), c.customerId(), taskId, who));
        }
        engine.emit(new CrmEvent.SlaThresholdReached(at, actor.id(), c.customerId(), c.id(), t.name(), th.percent(),
                th.breach(), th.level(), who));
        return new SlaEscalation(c.id(), c.customerId(), t.name(), th.percent(), th.breach(), th.level(), who, taskId);
    }
}
