package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskStatus;
import java.util.Collection;
import java.util.List;


/** Tasks on JPA. Thread-safe. */
final class JpaTasks extends JpaRepository<Task, TaskId, TaskEntity> implements TaskRepository {

    JpaTasks(Transactions tx, StoreSettings settings) {
        super(tx, settings, TaskEntity.class, Task.class, "Task");
    }

    @Override
    String key(TaskId id) {
        return id.value();
    }

    @Override
    TaskEntity newEntity() {
        return new TaskEntity();
    }

    @Override
    void copyColumns(Task t, TaskEntity e) {
        e.assigneeId = t.assignee().value();
        e.status = t.status().name();
        e.dueAt = t.dueAt() == null ? null : micros(t.dueAt());
        e.dueNano = t.dueAt() == null ? null : t.dueAt().getNano();
        e.customerId = t.customerId() == null ? null : t.customerId().value();
    }

    @Override
    public List<Task> findOpenByAssignee(StaffId assignee, int limit) {
        Check.notNull(assignee, "assignee");
        Check.range(limit, 1, 10_000, "limit");
        return tx.run(em -> fromRows(Jpql.from("Task")
                .andAll("e.assigneeId = :a and e.status in (:open)", "a", assignee.value(),
                        "open", List.of(TaskStatus.OPEN.name(), TaskStatus.IN_PROGRESS.name()))
                .list(em, "case when e.dueAt is null then 1 else 0 end, e.dueAt, e.dueNano, e.id", limit)));
    }

    @Override
    public List<Task> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Task").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    /** One statement per batch (the default would ask once per customer). */
    @Override
    public List<Task> findByCustomers(Collection<CustomerId> customerIds) {
        List<String> ids = Batch.ids(customerIds, "customerIds").stream().map(CustomerId::value).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.run(em -> fromRows(Jpql.from("Task").andAll("e.customerId in :c", "c", ids).list(em, "e.id", 0)));
    }
}
