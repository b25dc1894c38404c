package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Tasks with each assignee's open tasks ordered by due time (none last), and an index by customer. */
final class MemoryTasks extends MemoryTable<Task, TaskId> implements TaskRepository {
    private record DueKey(@Nullable Instant due, TaskId id) {}

    private static final Comparator<DueKey> BY_DUE = Comparator
            .comparing(DueKey::due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(DueKey::id);

    private final Map<StaffId, TreeSet<DueKey>> openByAssignee = new HashMap<>();
    private final Map<CustomerId, TreeSet<TaskId>> byCustomer = new HashMap<>();

    MemoryTasks(InMemoryCrmStore store) {
        super(store, "Task");
    }

    @Override
    void index(Task t) {
        if (t.status().isOpen()) {
            openByAssignee.computeIfAbsent(t.assignee(), a -> new TreeSet<>(BY_DUE)).add(new DueKey(t.dueAt(), t.id()));
        }
        add(byCustomer, t.customerId(), t.id());
    }

    @Override
    void unindex(Task t) {
        TreeSet<DueKey> open = openByAssignee.get(t.assignee());
        if (open != null) {
            open.remove(new DueKey(t.dueAt(), t.id()));
            if (open.isEmpty()) {
                openByAssignee.remove(t.assignee());
            }
        }
        remove(byCustomer, t.customerId(), t.id());
    }

    @Override
    public List<Task> findOpenByAssignee(StaffId assignee, int limit) {
        Check.notNull(assignee, "assignee");
        Check.range(limit, 1, 10_000, "limit");
        return seen(n -> store.read(() -> openByAssignee.getOrDefault(assignee, new TreeSet<>(BY_DUE)).stream().limit(n)
                .map(k -> rows.get(k.id())).toList()), limit, t -> t.status().isOpen() && assignee.equals(t.assignee()),
                Comparator.comparing((Task t) -> new DueKey(t.dueAt(), t.id()), BY_DUE));
    }

    @Override
    public List<Task> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                t -> customerId.equals(t.customerId()));
    }

    /** One read lock for the whole batch. */
    @Override
    public List<Task> findByCustomers(Collection<CustomerId> customerIds) {
        List<CustomerId> ids = Batch.ids(customerIds, "customerIds");
        Set<CustomerId> wanted = new HashSet<>(ids);
        return seen(() -> store.read(() -> {
            TreeSet<TaskId> hits = new TreeSet<>();
            for (CustomerId id : ids) {
                TreeSet<TaskId> own = byCustomer.get(id);
                if (own != null) {
                    hits.addAll(own);
                }
            }
            return hits.stream().map(rows::get).toList();
        }), t -> t.customerId() != null && wanted.contains(t.customerId()));
    }
}
