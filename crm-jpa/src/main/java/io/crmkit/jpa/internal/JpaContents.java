package io.crmkit.jpa.internal;

import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.spi.ContentRepository;

/** Content items on JPA. Thread-safe. */
final class JpaContents extends JpaRepository<ContentItem, ContentItemId, ContentItemEntity> implements ContentRepository {
    JpaContents(Transactions tx, StoreSettings settings) {
        super(tx, settings, ContentItemEntity.class, ContentItem.class, "ContentItem");
    }

    @Override String key(ContentItemId id) { return id.value(); }

    @Override ContentItemEntity newEntity() { return new ContentItemEntity(); }

    @Override void copyColumns(ContentItem c, ContentItemEntity e) { e.kind = c.kind().name(); }
}
