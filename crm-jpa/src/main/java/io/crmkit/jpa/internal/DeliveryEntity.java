package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A Delivery row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "Delivery")
@Table(name = "crm_delivery")
class DeliveryEntity extends AggregateEntity {
    @Column(name = "content_id", length = 64, nullable = false)
    String contentId;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;
}
