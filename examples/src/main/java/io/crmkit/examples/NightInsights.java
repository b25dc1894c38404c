package io.crmkit.examples;

import io.crmkit.analytics.basket.AssociationRule;
import io.crmkit.analytics.basket.AssociationRules;
import io.crmkit.analytics.basket.Baskets;
import io.crmkit.analytics.basket.FrequentItemsetMiner;
import io.crmkit.analytics.basket.MiningConfig;
import io.crmkit.analytics.basket.PartnerProducts;
import io.crmkit.analytics.basket.PartnerSuggestion;
import io.crmkit.analytics.basket.RuleConfig;
import io.crmkit.analytics.basket.StoreBaskets;
import io.crmkit.analytics.cluster.ClusterProfile;
import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.GammaGammaModel;
import io.crmkit.analytics.clv.LifetimeValue;
import io.crmkit.analytics.clv.PeriodUnit;
import io.crmkit.analytics.clv.PurchaseHistory;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.money.Money;
import io.crmkit.examples.desk.Dashboard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The night's customer insights over the demo book: lifetime value (BG/NBD purchases and
 * Gamma-Gamma spend fitted on the host's trade ledger), cross-sell rules over the product lines
 * the customers hold (and a partner product per customer), and k-means clusters of the feature
 * frame, each described in words. Also seeds what they read: a second and third product line for
 * many customers, and the trade ledger (a host system's, so it is not in the CRM store).
 *
 * <p>Stateless; the seeding methods are not thread-safe (they write through one session).
 */
public final class NightInsights {
    /** Customers listed per section. */
    public static final int LISTED = 5;
    /** The features the clusters are built on. */
    public static final List<String> CLUSTER_FEATURES = List.of("aum", "frequency", "age", "recency_days");

    private NightInsights() {}

    /** One trade of the host's ledger: its day and the commission it brought. */
    public record Trade(LocalDate day, double commission) {}

    /**
     * Links a deposit, fund, insurance or card account to some customers, the lines correlated as in a
     * bank's book (fund holders mostly keep a deposit, insurance mostly goes with both), seeded.
     */
    static void seedProducts(CrmSession job, List<Customer> book) {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int i = 0; i < book.size(); i++) {
            Customer c = book.get(i);
            boolean deposit = rnd.nextDouble() < 0.6;
            boolean fund = rnd.nextDouble() < (deposit ? 0.6 : 0.15);
            boolean insurance = rnd.nextDouble() < (deposit && fund ? 0.55 : 0.08);
            boolean card = rnd.nextDouble() < (deposit ? 0.4 : 0.1);
            link(job, c, deposit, "core", "D" + i, ProductLine.DEPOSIT);
            link(job, c, fund, "custody", "M" + i, ProductLine.FUND);
            link(job, c, insurance, "insurer", "P" + i, ProductLine.INSURANCE_POLICY);
            link(job, c, card, "cards", "C" + i, ProductLine.CARD);
        }
    }

    private static void link(CrmSession job, Customer c, boolean holds, String system, String externalId, ProductLine line) {
        if (holds) {
            job.accounts().link(NewAccount.of(c.id(), system, externalId, line, Money.currency("CNY")));
        }
    }

    /**
     * The host's trade ledger for the year to {@code asOf}, by customer key in book order: each
     * customer starts trading on a day of the year, trades at a rate of their own while active and may
     * stop after any trade (the buy-till-you-die story the models assume), seeded.
     */
    static Map<String, List<Trade>> seedTrades(List<Customer> book, LocalDate asOf) {
        SplittableRandom rnd = new SplittableRandom(21);
        Map<String, List<Trade>> ledger = new LinkedHashMap<>();
        for (Customer c : book) {
            double perWeek = 0.05 + 0.6 * -Math.log(1 - rnd.nextDouble()); // trades a week while active
            double stop = 0.15 * rnd.nextDouble();                            // chance of stopping after a trade
            double typical = 80 + 400 * rnd.nextDouble();                     // commission per trade
            List<Trade> trades = new ArrayList<>();
            double day = rnd.nextInt(364);
            while (day < 365) {
                trades.add(new Trade(asOf.minusDays(364 - (long) day), Math.round(typical * (0.5 + rnd.nextDouble()))));
                if (rnd.nextDouble() < stop) {
                    break;
                }
                day += 7 * -Math.log(1 - rnd.nextDouble()) / perWeek;
            }
            ledger.put(c.id().value(), List.copyOf(trades));
        }
        return ledger;
    }

    /** Fits BG/NBD and Gamma-Gamma on the ledger and values every customer over the next 12 months. */
    static Dashboard.Clv lifetimeValue(Map<String, List<Trade>> ledger, Map<String, String> names, LocalDate asOf) {
        PurchaseHistory history = PurchaseHistory.builder(PeriodUnit.WEEKS);
        ledger.forEach((key, trades) -> trades.forEach(t -> history.add(key, t.day(), t.commission())));
        CustomerSummaries data = history.summarize(asOf);
        BgNbdModel purchases = BgNbdModel.fit(data);
        GammaGammaModel spend = GammaGammaModel.fit(data);
        double[] clv = LifetimeValue.custom().months(12).monthlyDiscountRate(0.01).build().compute(purchases, spend, data);
        List<Integer> rows = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            rows.add(i);
            total += clv[i];
        }
        rows.sort(Comparator.comparingDouble((Integer i) -> -clv[i]).thenComparing(data::id));
        List<Dashboard.ClvEntry> top = new ArrayList<>();
        for (int i : rows.subList(0, Math.min(LISTED, rows.size()))) {
            String key = data.id(i);
            top.add(new Dashboard.ClvEntry(key, names.getOrDefault(key, key), data.frequency(i),
                    purchases.probabilityAlive(data.frequency(i), data.recency(i), data.age(i)),
                    spend.conditionalExpectedSpend(data.frequency(i), data.monetary(i).orElse(0)), clv[i]));
        }
        return new Dashboard.Clv(purchases.parameters(), spend.parameters(), data.size(), total, top);
    }

    /** Rules between product lines (lift above 1.1, so lines everyone holds suggest nothing) and a partner product per customer. */
    static Dashboard.CrossSell crossSell(io.crmkit.core.spi.CrmStore store, Clock clock, List<String> keys,
            Map<String, String> names) {
        Baskets baskets = StoreBaskets.custom().clock(clock).build().read(store);
        AssociationRules rules = FrequentItemsetMiner.of(MiningConfig.custom().minSupport(0.05).build()).mine(baskets)
                .rules(RuleConfig.custom().minConfidence(0.4).minLift(1.1).build());
        List<Dashboard.Rule> listed = new ArrayList<>();
        for (AssociationRule r : rules.rules().subList(0, Math.min(2 * LISTED, rules.size()))) {
            listed.add(new Dashboard.Rule(String.join(" + ", r.antecedent()), String.join(" + ", r.consequent()), r.count(),
                    r.confidence(), r.lift(), r.describe()));
        }
        PartnerProducts partner = PartnerProducts.of(rules, baskets);
        List<Dashboard.Suggestion> suggestions = new ArrayList<>();
        int suggested = 0;
        for (String key : keys) {
            List<PartnerSuggestion> best = partner.suggestFor(key, 1);
            if (best.isEmpty()) {
                continue;
            }
            suggested++;
            if (suggestions.size() < LISTED) {
                suggestions.add(new Dashboard.Suggestion(key, names.getOrDefault(key, key),
                        String.join(" + ", best.get(0).products()), best.get(0).reason()));
            }
        }
        return new Dashboard.CrossSell(baskets.size(), listed, rules.size(), suggested, suggestions);
    }

    /** Four k-means clusters (seeded) of the frame's assets, activity, age and recency, each described in words. */
    static List<Dashboard.Cluster> clusters(FeatureFrame frame) {
        KMeansResult fit = KMeans.of(KMeansConfig.custom().k(4).seed(7).build()).fit(frame, CLUSTER_FEATURES);
        double[] aum = frame.doubles("aum");
        double[] sum = new double[fit.k()];
        for (int r = 0; r < fit.rows(); r++) {
            sum[fit.cluster(r)] += aum[r];
        }
        List<Dashboard.Cluster> out = new ArrayList<>();
        for (ClusterProfile p : fit.profiles()) {
            out.add(new Dashboard.Cluster(p.cluster(), p.size(), p.size() == 0 ? 0 : sum[p.cluster()] / p.size(), p.description()));
        }
        return out;
    }
}
