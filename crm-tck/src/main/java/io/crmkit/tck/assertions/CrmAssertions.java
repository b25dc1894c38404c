package io.crmkit.tck.assertions;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.Page;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The entry point to AssertJ plus CRMKit's own assertions: statically import
 * {@code CrmAssertions.*} instead of {@code Assertions.*}.
 *
 * <pre>{@code
 * assertThat(store.customers().save(customer)).isStoredCopyOf(customer).hasVersion(1);
 * assertThat(page).hasItems(expected).isLast();
 * DuplicateKeyException e = thrownDuplicateKey(() -> store.customers().save(clash));
 * }</pre>
 */
public class CrmAssertions extends Assertions {
    protected CrmAssertions() {}

    public static CustomerAssert assertThat(Customer actual) {
        return new CustomerAssert(actual);
    }

    public static <A extends Aggregate<?, A>> AggregateAssert<A> assertThat(A actual) {
        return new AggregateAssert<>(actual);
    }

    public static <T> PageAssert<T> assertThat(Page<T> actual) {
        return new PageAssert<>(actual);
    }

    public static TimelineAssert assertThatTimeline(List<Interaction> actual) {
        return new TimelineAssert(actual);
    }

    /** Runs {@code call}, asserts it throws {@link ConflictException} and returns it. */
    public static ConflictException thrownConflict(ThrowingCallable call) {
        return thrown(ConflictException.class, call);
    }

    /** Runs {@code call}, asserts it throws {@link DuplicateKeyException} and returns it. */
    public static DuplicateKeyException thrownDuplicateKey(ThrowingCallable call) {
        return thrown(DuplicateKeyException.class, call);
    }

    /** Runs {@code call}, asserts it throws {@link NotFoundException} and returns it. */
    public static NotFoundException thrownNotFound(ThrowingCallable call) {
        return thrown(NotFoundException.class, call);
    }

    /** Runs {@code call}, asserts it throws {@link ValidationException} and returns it. */
    public static ValidationException thrownValidation(ThrowingCallable call) {
        return thrown(ValidationException.class, call);
    }

    /** Runs {@code call}, asserts it throws exactly {@code type} or a subtype, and returns the exception. */
    public static <X extends Throwable> X thrown(Class<X> type, ThrowingCallable call) {
        Throwable caught = catchThrowable(call);
        if (caught == null) {
            throw new AssertionError("Expected " + type.getSimpleName() + " to be thrown, but the call returned normally");
        }
        Assertions.assertThat(caught).as("the exception thrown").isInstanceOf(type);
        return type.cast(caught);
    }
}
