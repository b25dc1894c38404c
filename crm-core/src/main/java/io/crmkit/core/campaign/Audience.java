package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who a campaign targets: the segment's name and its definition in the segment language (kept with
 * the campaign, so a report says which rule chose the audience) and the customers it selected when
 * the campaign was launched. The segment language lives in {@code crm-analytics}
 * ({@code io.crmkit.analytics.segment.Segment}; {@code SegmentAudience.of(segment, frame)} builds an
 * audience from it); crm-core only stores the result, which is what makes the membership frozen.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the segment name and the count only.
 *
 * @param segment the segment's name, up to 200 characters
 * @param definition the segment's condition as text, up to 10,000 characters
 * @param customers the selected customers, distinct, at most {@link #MAX_MEMBERS}
 */
public record Audience(String segment, String definition, List<CustomerId> customers) {
    /** Most customers one campaign targets. */
    public static final int MAX_MEMBERS = 1_000_000;

    public Audience {
        Check.Violations v = Check.collect();
        segment = v.notBlank(segment, "audience.segment", Check.MAX_SHORT);
        definition = v.notBlank(definition, "audience.definition", Check.MAX_TEXT);
        customers = v.list(customers, "audience.customers");
        if (customers != null) {
            v.that(customers.size() <= MAX_MEMBERS, "audience.customers", "Size", "must have at most " + MAX_MEMBERS + " entries");
            v.that(new LinkedHashSet<>(customers).size() == customers.size(), "audience.customers", "Distinct",
                    "must not name a customer twice");
        }
        v.throwIfAny();
    }

    public static Audience of(String segment, String definition, List<CustomerId> customers) {
        return new Audience(segment, definition, customers);
    }

    @Override
    public String toString() {
        return "Audience[segment=" + segment + ", customers=" + customers.size() + "]";
    }
}
