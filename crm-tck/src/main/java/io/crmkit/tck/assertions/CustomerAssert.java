package io.crmkit.tck.assertions;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.org.StaffId;
import java.util.Objects;
import java.util.Set;

/** Assertions on a customer; obtain one from {@link CrmAssertions#assertThat(Customer)}. */
public final class CustomerAssert extends AbstractAggregateAssert<CustomerAssert, Customer> {
    CustomerAssert(Customer actual) {
        super(actual, CustomerAssert.class);
    }

    /** The customer carries exactly these tags, in any order. */
    public CustomerAssert hasExactlyTags(Set<String> expected) {
        isNotNull();
        if (!actual.tags().equals(expected)) {
            failWithMessage("Expected %s to carry exactly %s tags but it carries %s tags; missing %s, unexpected %s",
                    actual, expected.size(), actual.tags().size(), minus(expected, actual.tags()),
                    minus(actual.tags(), expected));
        }
        return myself;
    }

    public CustomerAssert hasOwner(StaffId expected) {
        isNotNull();
        if (!Objects.equals(actual.owner(), expected)) {
            failWithMessage("Expected %s to be owned by <%s> but its owner is <%s>", actual, expected, actual.owner());
        }
        return myself;
    }

    public CustomerAssert isIn(LifecycleStage expected) {
        isNotNull();
        if (actual.lifecycle() != expected) {
            failWithMessage("Expected %s to be in lifecycle stage <%s>", actual, expected);
        }
        return myself;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new java.util.TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
