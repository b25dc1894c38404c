package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The task repository: CRUD (inherited), an assignee's open tasks by due time (tasks without one
 * last, ties by id) up to a limit, and a customer's tasks of any status by id.
 */
public abstract class TaskContract extends RepositoryContract<Task, TaskId> {

    @Override
    protected Repository<Task, TaskId> repository() {
        return store().tasks();
    }

    @Override
    protected TaskId newId() {
        return Fixtures.taskId();
    }

    @Override
    protected Task newAggregate(TaskId id) {
        return Fixtures.task(Fixtures.staffId()).id(id).customer(customer()).build();
    }

    @Override
    protected Task changed(Task stored) {
        return stored.withStatus(TaskStatus.IN_PROGRESS, null);
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private Task saved(StaffId assignee, TaskId id, Instant due, TaskStatus status) {
        return store().tasks().save(Fixtures.task(assignee).id(id).dueAt(due).status(status).build());
    }

    @Test
    @DisplayName("findOpenByAssignee lists OPEN and IN_PROGRESS tasks by due time, ties by id, tasks without a due time last")
    void openTasksByDueNullsLast() {
        StaffId rm = Fixtures.staffId();
        TaskId[] ids = new TaskId[8];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Fixtures.taskId();
        }
        Instant t = Fixtures.NOW;
        saved(rm, ids[0], null, TaskStatus.OPEN);
        saved(rm, ids[1], t.plusSeconds(300), TaskStatus.OPEN);
        saved(rm, ids[2], t.plusSeconds(100), TaskStatus.IN_PROGRESS);
        saved(rm, ids[3], t.minusSeconds(86_400), TaskStatus.OPEN);
        saved(rm, ids[4], t.plusSeconds(100), TaskStatus.OPEN);
        saved(rm, ids[5], t.minusSeconds(10), TaskStatus.DONE);
        saved(rm, ids[6], null, TaskStatus.CANCELLED);
        saved(rm, ids[7], null, TaskStatus.IN_PROGRESS);
        saved(Fixtures.staffId(), Fixtures.taskId(), t, TaskStatus.OPEN);

        List<Task> open = store().tasks().findOpenByAssignee(rm, 50);

        assertThat(open).extracting(Task::id).containsExactly(ids[3], ids[2], ids[4], ids[1], ids[0], ids[7]);
        assertThat(open).allSatisfy(task -> assertThat(task.status().isOpen()).isTrue());
    }

    @Test
    @DisplayName("findOpenByAssignee returns at most 'limit' tasks, the earliest due")
    void openTasksLimit() {
        StaffId rm = Fixtures.staffId();
        TaskId[] ids = new TaskId[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Fixtures.taskId();
        }
        for (int i = ids.length - 1; i >= 0; i--) {
            saved(rm, ids[i], Fixtures.NOW.plusSeconds(60L * i), TaskStatus.OPEN);
        }

        assertThat(store().tasks().findOpenByAssignee(rm, 2)).extracting(Task::id).containsExactly(ids[0], ids[1]);
        assertThat(store().tasks().findOpenByAssignee(rm, 1)).extracting(Task::id).containsExactly(ids[0]);
    }

    @Test
    @DisplayName("completing or reassigning a task takes it off the assignee's open list")
    void openListFollowsUpdates() {
        StaffId rm = Fixtures.staffId();
        StaffId other = Fixtures.staffId();
        Task done = saved(rm, Fixtures.taskId(), Fixtures.NOW, TaskStatus.OPEN);
        Task moved = saved(rm, Fixtures.taskId(), Fixtures.NOW, TaskStatus.OPEN);
        Task stays = saved(rm, Fixtures.taskId(), Fixtures.NOW, TaskStatus.OPEN);

        store().tasks().save(done.withStatus(TaskStatus.DONE, Fixtures.NOW));
        Task movedV2 = store().tasks().save(moved.withAssignee(other));

        assertThat(store().tasks().findOpenByAssignee(rm, 10)).containsExactly(stays);
        assertThat(store().tasks().findOpenByAssignee(other, 10)).containsExactly(movedV2);
    }

    @Test
    @DisplayName("findByCustomer lists the customer's tasks of any status, by id")
    void tasksOfCustomer() {
        CustomerId customer = customer();
        TaskId low = Fixtures.taskId();
        TaskId high = Fixtures.taskId();
        Task b = store().tasks().save(Fixtures.task(Fixtures.staffId()).id(high).customer(customer).status(TaskStatus.DONE).build());
        Task a = store().tasks().save(Fixtures.task(Fixtures.staffId()).id(low).customer(customer).build());
        store().tasks().save(Fixtures.task(Fixtures.staffId()).customer(customer()).build());

        assertThat(store().tasks().findByCustomer(customer)).containsExactly(a, b);
    }
}
