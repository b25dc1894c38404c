package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.TaskService;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.Violation;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.Reminder;
import io.crmkit.core.task.ReminderKind;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link TaskService} over the store. Thread-safe. */
final class TaskServiceImpl implements TaskService {
    /** The tag that puts a customer on their owner's reminders as at risk. */
    static final String AT_RISK_TAG = "at-risk";
    private static final int MAX_OPEN = 10_000;
    private static final Instant LATEST = CommandValidator.LATEST_STORED_INSTANT;

    private final Engine engine;
    private final Actor actor;
    private final Access access;

    TaskServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    /** A task is visible with its customer, or — without one — when its assignee is in the actor's scope. */
    private boolean sees(Task t) {
        return t.customerId() == null ? access.seesStaff(t.assignee()) : access.visible(t.customerId()).isPresent();
    }

    @Override
    public Task assign(NewTask n) {
        List<Violation> v = engine.validator.check(n, "task");
        if (n != null) {
            plausible(n.dueAt(), LATEST, "dueAt", v);
            plausible(n.remindAt(), LATEST, "remindAt", v);
            if (n.dueAt() != null && n.remindAt() != null && n.remindAt().isAfter(n.dueAt())) {
                v.add(Violation.of("remindAt", "NotAfterDue", "must not be after dueAt"));
            }
        }
        throwIfAny(v);
        return engine.write(access, Operation.TASK_ASSIGN, "Task", null, Call.of("tasks", "assign", n), null, n, () -> {
            if (n.customerId() != null) {
                access.requireWritable(Operation.TASK_ASSIGN, n.customerId());
            }
            if (n.opportunityId() != null) {
                // The opportunity must be visible, and of the task's customer when it names one.
                io.crmkit.core.opportunity.Opportunity o = engine.store.opportunities().findById(n.opportunityId())
                        .filter(x -> access.visible(x.customerId()).isPresent())
                        .orElseThrow(() -> new io.crmkit.core.error.NotFoundException("Opportunity", n.opportunityId().value()));
                if (n.customerId() != null && !o.customerId().equals(n.customerId())) {
                    throwIfAny(List.of(Violation.of("opportunityId", "SameCustomer", "must be an opportunity of the same customer")));
                }
                if (n.customerId() == null) {
                    access.requireWritable(Operation.TASK_ASSIGN, o.customerId());
                }
            }
            if (n.customerId() == null && n.opportunityId() == null && !access.scope(Operation.TASK_ASSIGN).all()
                    && !access.scope(Operation.TASK_ASSIGN).owners().contains(n.assignee())) {
                throw new io.crmkit.core.error.AccessDeniedException(actor.id(), Operation.TASK_ASSIGN.code());
            }
            Instant now = engine.now();
            Task task = new Task(TaskId.of(engine.newId("Task")), n.title(), n.description(), n.assignee(), n.dueAt(),
                    n.remindAt(), n.priority(), TaskStatus.OPEN, n.customerId(), n.opportunityId(), null,
                    Meta.created(now, actor.id()));
            engine.guard(null, task, n.customerId());
            Task saved = engine.store.tasks().save(task);
            engine.emit(new CrmEvent.TaskAssigned(now, actor.id(), saved.customerId(), saved.id(), saved.assignee()));
            return saved;
        });
    }

    @Override
    public Task start(TaskId id) {
        return change(id, "start", Operation.TASK_WORK, Call.of("tasks", "start", id), t -> t.withStatus(TaskStatus.IN_PROGRESS, null));
    }

    @Override
    public Task complete(TaskId id) {
        return change(id, "complete", Operation.TASK_WORK, Call.of("tasks", "complete", id), t -> t.withStatus(TaskStatus.DONE, engine.now()));
    }

    @Override
    public Task cancel(TaskId id) {
        return change(id, "cancel", Operation.TASK_WORK, Call.of("tasks", "cancel", id), t -> t.withStatus(TaskStatus.CANCELLED, engine.now()));
    }

    @Override
    public Task reassign(TaskId id, StaffId assignee) {
        Check.notNull(assignee, "assignee");
        Task saved = change(id, "reassign", Operation.TASK_WORK, Call.of("tasks", "reassign", id, assignee), t -> t.withAssignee(assignee));
        engine.emit(new CrmEvent.TaskAssigned(engine.now(), actor.id(), saved.customerId(), saved.id(), assignee));
        return saved;
    }

    @Override
    public Task reschedule(TaskId id, @Nullable Instant dueAt, @Nullable Instant remindAt) {
        List<Violation> v = new ArrayList<>();
        plausible(dueAt, LATEST, "dueAt", v);
        plausible(remindAt, LATEST, "remindAt", v);
        throwIfAny(v);
        return change(id, "reschedule", Operation.TASK_WORK, Call.of("tasks", "reschedule", id, dueAt, remindAt), t -> t.withDue(dueAt, remindAt));
    }

    /** Read, check the task is open, change, save: one transaction. */
    private Task change(TaskId id, String what, Operation op, Call call, UnaryOperator<Task> edit) {
        Check.notNull(id, "id");
        return engine.write(access, op, "Task", id, call, null, what, () -> {
            Task current = get(id);
            if (current.customerId() != null) {
                access.requireWritable(op, current.customerId());
            } else if (!access.scope(op).all() && !access.scope(op).owners().contains(current.assignee())) {
                throw new io.crmkit.core.error.AccessDeniedException(actor.id(), op.code());
            }
            if (!current.status().isOpen()) {
                throwIfAny(List.of(Violation.of("status", "Open", "the task is already " + current.status())));
            }
            Task next = edit.apply(current).withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.customerId());
            return engine.store.tasks().save(next);
        });
    }

    @Override
    public Task get(TaskId id) {
        Check.notNull(id, "id");
        // Hidden and absent look the same, and name only the id asked for.
        return engine.store.tasks().findById(id).filter(this::sees)
                .orElseThrow(() -> new io.crmkit.core.error.NotFoundException("Task", id.value()));
    }

    @Override
    public List<Task> openTasks(StaffId assignee) {
        Check.notNull(assignee, "assignee");
        return engine.store.tasks().findOpenByAssignee(assignee, MAX_OPEN).stream()
                .filter(this::sees).toList();
    }

    @Override
    public List<Reminder> todaysReminders(StaffId staff) {
        return reminders(staff, engine.today());
    }

    @Override
    public List<Reminder> reminders(StaffId staff, LocalDate day) {
        List<Violation> v = new ArrayList<>();
        if (staff == null) {
            v.add(Violation.of("staff", "NotNull", "must not be null"));
        }
        if (day == null) {
            v.add(Violation.of("day", "NotNull", "must not be null"));
        }
        plausible(day, CommandValidator.LATEST_QUERY, "day", v);
        throwIfAny(v);
        List<Reminder> out = new ArrayList<>();
        for (Task t : openTasks(staff)) {
            if (t.dueAt() != null) {
                LocalDate due = LocalDate.ofInstant(t.dueAt(), engine.zone);
                if (due.equals(day)) {
                    out.add(new Reminder(ReminderKind.TASK_DUE, due, t.customerId(), t.id(), null));
                } else if (due.isBefore(day)) {
                    out.add(new Reminder(ReminderKind.TASK_OVERDUE, due, t.customerId(), t.id(), null));
                }
            }
            if (t.remindAt() != null && LocalDate.ofInstant(t.remindAt(), engine.zone).equals(day)) {
                out.add(new Reminder(ReminderKind.TASK_REMINDER, day, t.customerId(), t.id(), null));
            }
        }
        LocalDate horizon = day.plusDays(engine.maturityLookaheadDays);
        try (Stream<Customer> owned = engine.store.customers().stream(CustomerQuery.all().owner(staff).within(access.readScope()))) {
            owned.filter(c -> c.lifecycle() != LifecycleStage.CLOSED && access.sees(c)).forEach(c -> {
                if (c.type() == CustomerType.INDIVIDUAL && c.birthDate() != null && isBirthday(c.birthDate(), day)) {
                    out.add(new Reminder(ReminderKind.BIRTHDAY, day, c.id(), null, null));
                }
                if (c.tags().contains(AT_RISK_TAG)) {
                    out.add(new Reminder(ReminderKind.AT_RISK, day, c.id(), null, null));
                }
                for (LinkedAccount a : engine.store.accounts().findByCustomer(c.id())) {
                    LocalDate m = a.maturesOn();
                    if (m != null && a.status() != AccountStatus.CLOSED && !m.isBefore(day) && !m.isAfter(horizon)) {
                        out.add(new Reminder(ReminderKind.MATURITY, m, c.id(), null, a.id()));
                    }
                }
            });
        }
        out.sort(Comparator.comparing(Reminder::kind).thenComparing(Reminder::date)
                .thenComparing(r -> Objects.toString(r.taskId(), "") + Objects.toString(r.customerId(), "")
                        + Objects.toString(r.accountId(), "")));
        return List.copyOf(out);
    }

    /** 29 February birthdays fall on 28 February in other years. */
    static boolean isBirthday(LocalDate birth, LocalDate day) {
        MonthDay md = MonthDay.from(birth);
        if (md.getMonthValue() == 2 && md.getDayOfMonth() == 29 && !day.isLeapYear()) {
            md = MonthDay.of(2, 28);
        }
        return md.equals(MonthDay.from(day));
    }
}
