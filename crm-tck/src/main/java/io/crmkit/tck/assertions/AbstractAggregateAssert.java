package io.crmkit.tck.assertions;

import io.crmkit.core.common.Aggregate;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions every aggregate supports: its version, and that it is exactly what a store should
 * have stored or read back.
 *
 * @param <SELF> the concrete assertion type
 * @param <A> the aggregate type
 */
public abstract class AbstractAggregateAssert<SELF extends AbstractAggregateAssert<SELF, A>, A extends Aggregate<?, A>>
        extends AbstractObjectAssert<SELF, A> {

    protected AbstractAggregateAssert(A actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The aggregate's {@code meta().version()} is {@code expected}. */
    public SELF hasVersion(long expected) {
        isNotNull();
        if (actual.meta().version() != expected) {
            failWithMessage("Expected %s to have version <%s> but it has version <%s>", actual, expected,
                    actual.meta().version());
        }
        return myself;
    }

    /**
     * The aggregate is what a store returns for saving {@code saved}: equal to it in every field, with
     * the version one higher. Decimal scale is ignored (see {@link Canonical}).
     */
    public SELF isStoredCopyOf(A saved) {
        isNotNull();
        A expected = saved.withMeta(saved.meta().nextVersion());
        if (!Objects.equals(Canonical.of(actual), Canonical.of(expected))) {
            failWithMessage("Expected the stored copy of%n  %s%nwith version <%s> and every other field unchanged, but got%n  %s",
                    saved, expected.meta().version(), actual);
        }
        return myself;
    }

    /** The aggregate equals {@code expected} in every field, version included. Decimal scale is ignored. */
    public SELF readsBackAs(A expected) {
        isNotNull();
        if (!Objects.equals(Canonical.of(actual), Canonical.of(expected))) {
            failWithMessage("Expected to read back%n  %s%nequal in every field, but got%n  %s%n(records differ in at least one field)",
                    expected, actual);
        }
        return myself;
    }
}
