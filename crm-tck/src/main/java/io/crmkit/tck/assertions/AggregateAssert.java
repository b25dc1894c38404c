package io.crmkit.tck.assertions;

import io.crmkit.core.common.Aggregate;

/**
 * Assertions on any aggregate; obtain one from {@link CrmAssertions#assertThat(Aggregate)}.
 *
 * @param <A> the aggregate type
 */
public final class AggregateAssert<A extends Aggregate<?, A>> extends AbstractAggregateAssert<AggregateAssert<A>, A> {
    AggregateAssert(A actual) {
        super(actual, AggregateAssert.class);
    }
}
