package io.crmkit.core.account;

import io.crmkit.core.check.Check;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;

/**
 * One position in an account snapshot: instrument, asset class, quantity and market value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument's code (ticker, ISIN, fund code)
 * @param assetClass for asset-mix analysis
 * @param quantity units held (negative for a short position)
 * @param marketValue value on the snapshot date
 */
public record Holding(String instrument, AssetClass assetClass, BigDecimal quantity, Money marketValue) {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern INSTRUMENT = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,32}");

    public Holding {
        Check.that(instrument != null && INSTRUMENT.matcher(instrument).matches(), "instrument", "InstrumentCode",
                "must be 1-32 letters, digits or . _ : -");
        Check.notNull(assetClass, "assetClass");
        quantity = Money.bounded(quantity, "quantity");
        Check.notNull(marketValue, "marketValue");
    }
}
