package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import java.util.Collection;
import java.util.List;

/** Tasks. */
public interface TaskRepository extends Repository<Task, TaskId> {
    /**
     * The assignee's open tasks (OPEN or IN_PROGRESS), by due time (tasks without one last), then id.
     * At most {@code limit}, which must be 1 to 10,000.
     */
    List<Task> findOpenByAssignee(StaffId assignee, int limit);

    /** The tasks about a customer, any status, by id. */
    List<Task> findByCustomer(CustomerId customerId);

    /**
     * The tasks about any of the customers, any status, each once, by id: {@link #findByCustomer} for a
     * batch of up to {@link Batch#MAX_IDS} customers. The default asks once per customer; a store should
     * answer with one query per batch.
     *
     * @throws io.crmkit.core.error.ValidationException if the batch is null, holds a null id or too many
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    default List<Task> findByCustomers(Collection<CustomerId> customerIds) {
        return Batch.perId(customerIds, "customerIds", this::findByCustomer, Task::id);
    }
}
