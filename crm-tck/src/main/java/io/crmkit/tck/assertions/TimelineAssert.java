package io.crmkit.tck.assertions;

import io.crmkit.core.interaction.Interaction;
import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a sequence of interactions read from a timeline; obtain one from
 * {@link CrmAssertions#assertThatTimeline(List)}.
 */
public final class TimelineAssert extends AbstractObjectAssert<TimelineAssert, List<Interaction>> {
    TimelineAssert(List<Interaction> actual) {
        super(actual, TimelineAssert.class);
    }

    /** Each interaction is strictly after the next in newest-first order: occurredAt descending, then id descending. */
    public TimelineAssert isNewestFirst() {
        return isStrictlyOrdered(-1, "newest first (occurredAt desc, id desc)");
    }

    /** Each interaction is strictly before the next in oldest-first order: occurredAt ascending, then id ascending. */
    public TimelineAssert isOldestFirst() {
        return isStrictlyOrdered(1, "oldest first (occurredAt asc, id asc)");
    }

    private TimelineAssert isStrictlyOrdered(int direction, String order) {
        isNotNull();
        for (int i = 1; i < actual.size(); i++) {
            Interaction a = actual.get(i - 1);
            Interaction b = actual.get(i);
            int c = a.occurredAt().compareTo(b.occurredAt());
            if (c == 0) {
                c = a.id().compareTo(b.id());
            }
            if (c == 0 || Integer.signum(c) == direction) {
                failWithMessage("Expected %s but %s (at %s) comes before %s (at %s) at position %s", order, a.id(),
                        a.occurredAt(), b.id(), b.occurredAt(), i - 1);
            }
        }
        return myself;
    }
}
