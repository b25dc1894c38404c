package io.crmkit.analytics.feature;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.CrmStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Account columns of {@link StoreFeatureReader}: one stream of linked accounts, their snapshots on
 * the as-of date and at the window's start fetched in batches. Stateless; thread-safe.
 */
final class AccountColumns {

    private AccountColumns() {
    }

    /** Writes the account columns; returns the amounts left out for want of an exchange rate. */
    static long read(CrmStore store, Map<CustomerId, Integer> rowOf, LocalDate asOf, int windowDays,
                     CurrencyConverter converter, FeatureFrame.Builder frame, ProgressListener progress) {
        int n = rowOf.size();
        Sums sums = new Sums(n, converter);
        LocalDate start = asOf.minusDays(windowDays);
        List<AccountId> batch = new ArrayList<>(Batch.MAX_IDS);
        List<Integer> batchRows = new ArrayList<>(Batch.MAX_IDS);
        long[] seen = {0};
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(a -> {
                seen[0]++;
                Integer row = rowOf.get(a.customerId());
                if (row == null || a.role() == AccountRole.AUTHORISED) {
                    return;
                }
                sums.accounts[row]++;
                batch.add(a.id());
                batchRows.add(row);
                if (batch.size() == Batch.MAX_IDS) {
                    sums.add(store, batch, batchRows, asOf, start);
                    if ((seen[0] & 0xFFFF) < Batch.MAX_IDS) {
                        progress.onProgress("accounts", seen[0], Math.max(seen[0], n));
                    }
                }
            });
        }
        sums.add(store, batch, batchRows, asOf, start);
        double[] change = new double[n];
        for (int r = 0; r < n; r++) {
            double aum = sums.aum[r];
            change[r] = sums.before[r] > 0 ? (aum - sums.before[r]) / sums.before[r] * 100 : 0;
            sums.equity[r] = aum > 0 ? sums.equity[r] / aum : 0;
            sums.top[r] = aum > 0 ? Math.min(1, sums.top[r] / aum) : 0;
        }
        frame.doubles(StandardFeatures.AUM, sums.aum).doubles(StandardFeatures.AUM_CHANGE_PCT, change)
                .doubles(StandardFeatures.EQUITY_SHARE, sums.equity)
                .doubles(StandardFeatures.TOP_POSITION_SHARE, sums.top).ints("accounts", sums.accounts);
        progress.onProgress("accounts", seen[0], seen[0]);
        return sums.skipped;
    }

    /** Running sums per row. */
    private static final class Sums {
        final double[] aum;
        final double[] before;
        final double[] equity;
        final double[] top;
        final int[] accounts;
        final CurrencyConverter converter;
        long skipped;

        Sums(int n, CurrencyConverter converter) {
            aum = new double[n];
            before = new double[n];
            equity = new double[n];
            top = new double[n];
            accounts = new int[n];
            this.converter = converter;
        }

        /** Adds one batch of accounts (then clears it): today's snapshot and the window start's. */
        void add(CrmStore store, List<AccountId> batch, List<Integer> rows, LocalDate asOf, LocalDate start) {
            if (batch.isEmpty()) {
                return;
            }
            Map<AccountId, AccountSnapshot> now = store.accounts().latestSnapshotsOf(batch, asOf);
            Map<AccountId, AccountSnapshot> then = store.accounts().latestSnapshotsOf(batch, start);
            for (int i = 0; i < batch.size(); i++) {
                int row = rows.get(i);
                AccountSnapshot snap = now.get(batch.get(i));
                if (snap != null) {
                    aum[row] += money(snap.cash().amount(), snap.cash().currency());
                    for (Holding h : snap.holdings()) {
                        double v = money(h.marketValue().amount(), h.marketValue().currency());
                        aum[row] += v;
                        equity[row] += h.assetClass() == AssetClass.EQUITY ? v : 0;
                        top[row] = Math.max(top[row], v);
                    }
                }
                AccountSnapshot old = then.get(batch.get(i));
                if (old != null) {
                    before[row] += total(old);
                }
            }
            batch.clear();
            rows.clear();
        }

        private double total(AccountSnapshot snap) {
            double t = money(snap.cash().amount(), snap.cash().currency());
            for (Holding h : snap.holdings()) {
                t += money(h.marketValue().amount(), h.marketValue().currency());
            }
            return t;
        }

        private double money(BigDecimal amount, Currency currency) {
            double v = converter.toReporting(amount, currency);
            if (Double.isNaN(v)) {
                skipped++;
                return 0;
            }
            return v;
        }
    }
}
