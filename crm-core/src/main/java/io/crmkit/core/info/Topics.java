package io.crmkit.core.info;

import io.crmkit.core.check.Check;

/** The one rule for topic codes: 1 to 64 characters from {@code [a-z0-9._-]}, such as {@code morning-note}. */
public final class Topics {
    private Topics() {}

    public static String check(String topic, String field) {
        Check.notNull(topic, field);
        Check.that(topic.matches("[a-z0-9._-]{1,64}"), field, "Topic", "must be 1 to 64 characters from a-z 0-9 . _ -");
        return topic;
    }
}
