package io.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A ContentItem row (campaigns and the information service, migration V9): the document and its queried columns. */
@Entity(name = "ContentItem")
@Table(name = "crm_content_item")
class ContentItemEntity extends AggregateEntity {
    @Column(name = "kind", length = 32, nullable = false)
    String kind;
}
