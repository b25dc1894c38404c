package io.crmkit.core.memory;

import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.spi.ContentRepository;

/** Content items by id; no secondary index. */
final class MemoryContents extends MemoryTable<ContentItem, ContentItemId> implements ContentRepository {
    MemoryContents(InMemoryCrmStore store) {
        super(store, "ContentItem");
    }

    @Override void index(ContentItem row) {}

    @Override void unindex(ContentItem row) {}
}
