package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A Subscription row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "Subscription")
@Table(name = "crm_subscription")
class SubscriptionEntity extends AggregateEntity {
    @Column(name = "topic", length = 64, nullable = false)
    String topic;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Column(name = "active", nullable = false)
    boolean active;
}
