package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import org.jspecify.annotations.Nullable;

/**
 * A customer's names: the legal name (as on the identity document or business licence), an
 * optional preferred name, and an optional name in the local script (for example 张伟 beside
 * "Zhang Wei").
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} is redacted.
 *
 * @param legal the legal name, required
 * @param preferred how the customer likes to be addressed, or {@code null}
 * @param local the name in the local script, or {@code null}
 */
public record CustomerName(String legal, @Nullable String preferred, @Nullable String local) {
    public CustomerName {
        Check.Violations v = Check.collect();
        v.notBlank(legal, "name.legal", Check.MAX_SHORT);
        v.optionalText(preferred, "name.preferred", Check.MAX_SHORT);
        v.optionalText(local, "name.local", Check.MAX_SHORT);
        v.throwIfAny();
        legal = legal.strip();
    }

    public static CustomerName of(String legal) {
        return new CustomerName(legal, null, null);
    }

    /** The name to show: preferred when given, otherwise legal. */
    public String display() {
        return preferred != null && !preferred.isBlank() ? preferred : legal;
    }

    @Override
    public String toString() {
        return "CustomerName[***]";
    }
}
