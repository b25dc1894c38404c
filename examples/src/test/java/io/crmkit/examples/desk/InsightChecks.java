package io.crmkit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.examples.NightInsights;
import java.util.List;
import java.util.Map;

/** The night's insight sections checked against {@link IndependentFigures}. */
public final class InsightChecks {
    private InsightChecks() {}

    /** Every figure of the lifetime-value, cross-sell, cluster, next-best-action and staff sections. */
    public static void agree(Dashboard d, Map<String, List<NightInsights.Trade>> trades, IndependentFigures f) {
        // Lifetime value: every customer of the ledger valued; the listed ones' repeat trades and expected
        // commission per trade from the raw ledger and the paper's formula; most valuable first.
        Dashboard.Clv clv = d.clv();
        assertThat(clv.customers()).isEqualTo(trades.size()).isEqualTo(f.customers());
        assertThat(clv.purchaseModel()).containsOnlyKeys("r", "alpha", "a", "b");
        assertThat(clv.spendModel()).containsOnlyKeys("p", "q", "v");
        assertThat(clv.top()).hasSize(NightInsights.LISTED);
        double p = clv.spendModel().get("p");
        double q = clv.spendModel().get("q");
        double v = clv.spendModel().get("v");
        for (Dashboard.ClvEntry e : clv.top()) {
            List<NightInsights.Trade> mine = trades.get(e.customerId());
            int x = IndependentFigures.repeatTrades(mine);
            assertThat(e.repeatPurchases()).isEqualTo(x);
            assertThat(e.spendPerTrade()).isCloseTo(IndependentFigures.expectedSpend(p, q, v, x,
                    IndependentFigures.meanRepeatCommission(mine)), within(1e-6));
            assertThat(e.probabilityAlive()).isBetween(0.0, 1.0);
            assertThat(e.value()).isPositive().isLessThanOrEqualTo(clv.total());
        }
        assertThat(clv.top()).extracting(Dashboard.ClvEntry::value).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // Cross-sell: counts, confidence and lift of each rule from the holdings counted by hand.
        Dashboard.CrossSell x = d.crossSell();
        assertThat(x.baskets()).isEqualTo(f.customers());
        assertThat(x.rules()).isNotEmpty();
        for (Dashboard.Rule r : x.rules()) {
            long both = f.holders(r.antecedent(), r.consequent());
            long held = f.holders(r.antecedent());
            assertThat(r.count()).as(r.text()).isEqualTo(both);
            assertThat(r.confidence()).isCloseTo((double) both / held, within(1e-12));
            assertThat(r.lift()).isCloseTo((double) both / held / ((double) f.holders(r.consequent()) / f.customers()), within(1e-9));
            assertThat(r.lift()).isGreaterThanOrEqualTo(1.1);
        }
        assertThat(x.customersWithSuggestion()).isPositive().isLessThanOrEqualTo(f.customers());
        assertThat(x.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(f.holdsAny(s.customerId(), s.products()))
                .as("a suggestion offers only products the customer does not hold").isFalse());

        // Clusters: every customer in one; the assets they hold add up to the book's, summed from the snapshots.
        assertThat(d.clusters()).hasSize(4);
        assertThat(d.clusters().stream().mapToLong(Dashboard.Cluster::size).sum()).isEqualTo(f.customers());
        assertThat(d.clusters().stream().mapToDouble(c -> c.size() * c.meanAum()).sum()).isCloseTo(f.totalAssets(), within(1.0));
        assertThat(d.clusters()).allSatisfy(c -> assertThat(c.description()).isNotBlank());

        // Next best actions and staff.
        assertThat(d.nba().byProposition().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(d.nba().recommended())
                .isPositive();
        assertThat(d.staff()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("rm-001");
            assertThat(s.customers()).isEqualTo(f.ownedBy("rm-001"));
        });
    }
}
