package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import java.time.Instant;
import java.util.List;

/**
 * CSAT and NPS of the survey answers recorded in {@code [from, to)} on cases the reader may see,
 * grouped by {@code dimension} (groups by key), with the total.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dimension how the answers are grouped
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param groups one per key, by key
 * @param total every answer of the period
 */
public record SatisfactionReport(SatisfactionDimension dimension, Instant from, Instant to,
        List<SatisfactionGroup> groups, SatisfactionGroup total) {
    public SatisfactionReport {
        Check.notNull(dimension, "dimension");
        groups = List.copyOf(Check.list(groups, "groups"));
        Check.notNull(total, "total");
    }
}
