package io.crmkit.tck.assertions;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.Holding;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExtensionValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings values whose equality depends on representation rather than meaning to one form before the
 * kit compares what a store read back with what was saved. Today that is the scale of
 * {@link BigDecimal}s that crm-core does not normalise itself ({@link ExtensionValue.Decimal} and
 * {@link Holding#quantity()}): {@code 15000.25} and {@code 15000.2500} are the same quantity, but a
 * database column of fixed scale returns the second. ({@code Money} already strips trailing zeros.)
 * Everything else must come back equal, field for field.
 */
public final class Canonical {
    private Canonical() {}

    /** The value with its decimal fields in canonical form; other values as they are. */
    @SuppressWarnings("unchecked")
    public static <T> T of(T value) {
        if (value instanceof Customer c) {
            Map<String, ExtensionValue> ext = new LinkedHashMap<>();
            c.extensions().forEach((k, v) -> ext.put(k, v instanceof ExtensionValue.Decimal d
                    ? ExtensionValue.decimal(strip(d.value())) : v));
            return (T) c.withExtensions(ext);
        }
        if (value instanceof AccountSnapshot s) {
            return (T) new AccountSnapshot(s.accountId(), s.asOf(), s.cash(), s.holdings().stream()
                    .map(h -> new Holding(h.instrument(), h.assetClass(), strip(h.quantity()), h.marketValue()))
                    .toList());
        }
        return value;
    }

    private static BigDecimal strip(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
