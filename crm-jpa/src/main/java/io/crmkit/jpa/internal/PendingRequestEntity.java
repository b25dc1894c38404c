package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A maker-checker request. {@code pending_key} holds the request's natural key while it is
 * pending and is cleared once decided; its unique index keeps one open request per aggregate and
 * operation (NULLs do not clash on any supported database).
 */
@Entity(name = "PendingRequest")
@Table(name = "crm_pending_request")
class PendingRequestEntity extends AggregateEntity {
    @Column(name = "pending_key", length = 400)
    String pendingKey;

    @Column(name = "customer_id", length = 64)
    String customerId;

    @Column(name = "status", length = 16, nullable = false)
    String status;
}
