package io.crmkit.core.spi;

import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;

/** Content items. CRUD and optimistic versions as for every {@link Repository}. */
public interface ContentRepository extends Repository<ContentItem, ContentItemId> {}
