package io.crmkit.core.erasure;

import io.crmkit.core.check.Check;
import java.util.List;

/**
 * The retention rules of a firm, given to {@code Crm.builder().retention(...)}; default none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules the rules, any order; at most 100
 */
public record Retention(List<RetentionRule> rules) {
    private static final Retention NONE = new Retention(List.of());

    public Retention {
        rules = Check.list(rules, "retention.rules");
        Check.that(rules.size() <= 100, "retention.rules", "Size", "must have at most 100 entries");
    }

    public static Retention none() {
        return NONE;
    }

    public static Retention of(RetentionRule... rules) {
        Check.notNull(rules, "retention.rules");
        return new Retention(List.of(rules));
    }
}
