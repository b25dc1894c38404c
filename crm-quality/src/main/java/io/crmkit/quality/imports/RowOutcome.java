package io.crmkit.quality.imports;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What happened to one row. Immutable. */
record RowOutcome(Kind kind, List<Violation> violations, @Nullable CustomerId written, long versionBefore) {
    enum Kind { INSERTED, UPDATED, UNCHANGED, SKIPPED, REJECTED }

    static RowOutcome of(Kind kind) {
        return new RowOutcome(kind, List.of(), null, -1);
    }

    static RowOutcome rejected(List<Violation> violations) {
        return new RowOutcome(Kind.REJECTED, violations, null, -1);
    }

    static RowOutcome rejected(String field, String rule, String message) {
        return rejected(List.of(Violation.of(field, rule, message)));
    }
}
