package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A piece of content the firm pushes to subscribers: its kind, title, topics and the period it is
 * valid in (a morning note is stale by noon; nothing is pushed outside its validity).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the item's id
 * @param kind research report, morning note or product notice
 * @param title its title, up to 200 characters
 * @param topics the topics it is filed under, 1 to 20
 * @param validFrom first instant it may be pushed
 * @param validUntil last instant it may be pushed, not before {@code validFrom}
 * @param meta version and who/when
 */
public record ContentItem(ContentItemId id, ContentKind kind, String title, Set<String> topics, Instant validFrom,
        Instant validUntil, Meta meta) implements Aggregate<ContentItemId, ContentItem> {
    public ContentItem {
        Check.notNull(id, "id");
        NewContentItem n = new NewContentItem(kind, title, topics, validFrom, validUntil);
        topics = n.topics();
        Check.notNull(meta, "meta");
    }

    /** Whether it may be pushed at {@code at}. */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && !at.isAfter(validUntil);
    }

    @Override
    public ContentItem withMeta(Meta value) {
        return new ContentItem(id, kind, title, topics, validFrom, validUntil, value);
    }

    @Override
    public String toString() {
        return "ContentItem[id=" + id + ", kind=" + kind + ", topics=" + new TreeSet<>(topics) + "]";
    }
}
