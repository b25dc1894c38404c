package io.crmkit.jpa.internal;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A customer row. Identifiers and tags are also kept in child tables: identifiers for the unique
 * natural key, tags for the tag filter. Reads never touch the child tables (the document has
 * everything), so they stay lazy and cost no statements. A write initialises them to change them in
 * place; with many customers of one unit of work in the persistence context (a batch write read
 * them with one {@code findByIds}), the first initialisation loads the collections of up to
 * {@value #BATCH_FETCH} of them in one statement instead of one statement per customer.
 */
@Entity(name = "Customer")
@Table(name = "crm_customer")
class CustomerEntity extends AggregateEntity {
    /** Owners whose lazy collections one statement initialises. */
    static final int BATCH_FETCH = 100;

    @Column(name = "customer_type", length = 32, nullable = false)
    String type;

    @Column(name = "lifecycle", length = 32, nullable = false)
    String lifecycle;

    @Column(name = "owner_id", length = 64)
    String ownerId;

    @Column(name = "branch_id", length = 64)
    String branchId;

    @Column(name = "tier_code", length = 64)
    String tierCode;

    @ElementCollection(fetch = FetchType.LAZY)
    @org.hibernate.annotations.BatchSize(size = BATCH_FETCH)
    @CollectionTable(name = "crm_customer_identifier", joinColumns = @JoinColumn(name = "customer_id"))
    Set<IdentifierKey> identifiers = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @org.hibernate.annotations.BatchSize(size = BATCH_FETCH)
    @CollectionTable(name = "crm_customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", length = 40, nullable = false)
    Set<String> tags = new HashSet<>();
}
