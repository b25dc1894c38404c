package io.crmkit.core;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;

/**
 * The audit trail (修改记录表) as an actor may read it: the history of a customer a branch screen
 * shows, what one actor did, the integrity check, and retention. Needs
 * {@link io.crmkit.core.governance.Operation#AUDIT_READ}: per customer within its depth, per actor,
 * verification and retention at depth ALL.
 *
 * <p>Thread-safe.
 */
public interface AuditService {
    /**
     * The entries about a customer, newest first, keyset-paged.
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer is absent or not visible
     * @throws io.crmkit.core.error.AccessDeniedException without {@code AUDIT_READ} reaching the customer
     */
    Page<AuditEntry> forCustomer(CustomerId customerId, PageRequest page);

    /**
     * The entries an actor made, newest first, keyset-paged.
     *
     * @throws io.crmkit.core.error.AccessDeniedException without {@code AUDIT_READ} at depth ALL
     */
    Page<AuditEntry> byActor(String actorId, PageRequest page);

    /**
     * Checks the whole trail's hash chains; see {@link AuditTrail#verify}.
     *
     * @throws io.crmkit.core.error.AccessDeniedException without {@code AUDIT_READ} at depth ALL
     */
    AuditTrail.Verification verify();

    /**
     * Deletes entries older than {@code cutoff} (the firm's retention period) and returns how many;
     * chains then begin at their first kept entry, which {@link #verify()} accepts.
     *
     * @throws io.crmkit.core.error.AccessDeniedException without {@code AUDIT_READ} at depth ALL
     */
    long purgeBefore(Instant cutoff);
}
