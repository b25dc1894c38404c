package io.crmkit.core.spi;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
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
}
