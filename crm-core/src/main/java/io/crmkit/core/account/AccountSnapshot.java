package io.crmkit.core.account;

import io.crmkit.core.check.Check;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time copy of an account's cash balance and holdings, taken from the host system. One
 * snapshot per account and date: saving another for the same date replaces it. All values are in
 * the snapshot's currency (the cash balance's), so totals and asset mix are exact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accountId the linked account
 * @param asOf the business date
 * @param cash the cash balance (negative for an overdraft or a loan balance)
 * @param holdings positions, at most 10,000
 */
public record AccountSnapshot(AccountId accountId, LocalDate asOf, Money cash, List<Holding> holdings) {
    public static final int MAX_HOLDINGS = 10_000;

    public AccountSnapshot {
        Check.notNull(accountId, "accountId");
        Check.notNull(asOf, "asOf");
        Check.notNull(cash, "cash");
        holdings = Check.list(holdings, "holdings");
        Check.that(holdings.size() <= MAX_HOLDINGS, "holdings", "Size", "must have at most " + MAX_HOLDINGS + " entries");
        for (int i = 0; i < holdings.size(); i++) {
            Check.that(holdings.get(i).marketValue().currency().equals(cash.currency()),
                    "holdings[" + i + "].marketValue.currency", "SameCurrency", "must equal the cash balance's currency");
        }
    }

    /** Cash plus the market value of every holding. */
    public Money totalValue() {
        BigDecimal total = cash.amount();
        for (Holding h : holdings) {
            total = total.add(h.marketValue().amount());
        }
        return new Money(total, cash.currency());
    }

    /** Market value by asset class, cash counted as {@link AssetClass#CASH}. */
    public Map<AssetClass, BigDecimal> assetMix() {
        Map<AssetClass, BigDecimal> mix = new EnumMap<>(AssetClass.class);
        mix.merge(AssetClass.CASH, cash.amount(), BigDecimal::add);
        for (Holding h : holdings) {
            mix.merge(h.assetClass(), h.marketValue().amount(), BigDecimal::add);
        }
        return mix;
    }
}
