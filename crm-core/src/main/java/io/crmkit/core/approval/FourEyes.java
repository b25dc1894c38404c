package io.crmkit.core.approval;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The maker-checker configuration: which changes wait for approval, and for how long a request
 * stays open. Given to {@code Crm.builder().fourEyes(...)}; the default has no rules.
 *
 * <p>Immutable and thread-safe.
 */
public final class FourEyes {
    private static final FourEyes NONE = new FourEyes(List.of(), Duration.ofDays(7));

    private final List<ApprovalRule> rules;
    private final Duration expiry;

    private FourEyes(List<ApprovalRule> rules, Duration expiry) {
        this.rules = List.copyOf(rules);
        this.expiry = expiry;
    }

    public static FourEyes none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ApprovalRule> rules() {
        return rules;
    }

    /** How long a request stays open. */
    public Duration expiry() {
        return expiry;
    }

    /** The first rule that asks for approval of this change, if any. */
    public Optional<ApprovalRule> match(Operation operation, @Nullable Object before, Object after) {
        for (ApprovalRule r : rules) {
            if (r.operation() == operation && r.condition().test(before, after)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether any rule concerns {@code operation}. */
    public boolean covers(Operation operation) {
        return rules.stream().anyMatch(r -> r.operation() == operation);
    }

    @Override
    public String toString() {
        return "FourEyes[rules=" + rules.size() + ", expiry=" + expiry + "]";
    }

    /** Builds {@link FourEyes}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private final List<ApprovalRule> rules = new ArrayList<>();
        private Duration expiry = Duration.ofDays(7);

        private Builder() {}

        public Builder rule(ApprovalRule rule) {
            rules.add(Check.notNull(rule, "fourEyes.rule"));
            return this;
        }

        /** How long a request stays open, 1 minute to 366 days; default 7 days. */
        public Builder expiry(Duration value) {
            Check.notNull(value, "fourEyes.expiry");
            if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(366)) > 0) {
                throw ValidationException.of("fourEyes.expiry", "Range", "must be between 1 minute and 366 days");
            }
            expiry = value;
            return this;
        }

        public FourEyes build() {
            return new FourEyes(rules, expiry);
        }
    }
}
