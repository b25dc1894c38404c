package io.crmkit.core.info;

import io.crmkit.core.check.Check;
import java.time.Instant;
import java.util.Set;

/**
 * A command to publish a content item.
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the title (free text).
 *
 * @param kind research report, morning note or product notice
 * @param title up to 200 characters
 * @param topics 1 to 20 topic codes ({@link Topics})
 * @param validFrom first instant it may be pushed
 * @param validUntil last instant it may be pushed, not before {@code validFrom} and at most a year later
 */
public record NewContentItem(ContentKind kind, String title, Set<String> topics, Instant validFrom, Instant validUntil) {
    public NewContentItem {
        Check.Violations v = Check.collect();
        v.notNull(kind, "kind");
        title = v.notBlank(title, "title", Check.MAX_SHORT);
        topics = v.set(topics, "topics");
        if (topics != null) {
            v.that(!topics.isEmpty() && topics.size() <= 20, "topics", "Size", "must have 1 to 20 entries");
            for (String t : topics) {
                v.capture(() -> Topics.check(t, "topics"));
            }
        }
        v.notNull(validFrom, "validFrom");
        v.notNull(validUntil, "validUntil");
        if (validFrom != null && validUntil != null) {
            v.that(!validUntil.isBefore(validFrom) && !validUntil.isAfter(validFrom.plus(java.time.Duration.ofDays(366))),
                    "validUntil", "Range", "must not be before validFrom and at most a year later");
        }
        v.throwIfAny();
    }

    public static NewContentItem of(ContentKind kind, String title, Set<String> topics, Instant validFrom, Instant validUntil) {
        return new NewContentItem(kind, title, topics, validFrom, validUntil);
    }

    @Override
    public String toString() {
        return "NewContentItem[kind=" + kind + ", topics=" + new java.util.TreeSet<>(topics) + "]";
    }
}
