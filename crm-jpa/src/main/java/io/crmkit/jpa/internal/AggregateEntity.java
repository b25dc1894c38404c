package io.crmkit.jpa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The columns every aggregate table has: the client-generated id (no IDENTITY, so inserts batch),
 * the optimistic-lock version (equal to the domain {@code Meta.version()}), who and when, and the
 * aggregate's full content as a JSON document. Columns that queries filter or sort on are copied
 * out of the document by each subclass and indexed.
 *
 * <p>Not thread-safe: an entity belongs to one persistence context.
 */
@MappedSuperclass
abstract class AggregateEntity {
    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    String id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", length = 64, nullable = false)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", length = 64, nullable = false)
    String updatedBy;

    @Column(name = "doc", nullable = false)
    String doc;
}
