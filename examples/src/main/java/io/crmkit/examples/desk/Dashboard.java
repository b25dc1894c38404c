package io.crmkit.examples.desk;

import io.crmkit.analytics.concentration.ParetoPoint;
import io.crmkit.analytics.segment.GridSegmentation;
import io.crmkit.analytics.segment.SegmentStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the night's analytics produced for the dashboard: the tier distribution, the revenue
 * concentration (Pareto curve and the measured top-20% share), the age × assets segment grid and the
 * at-risk list with its reasons. Built by {@code NightlyAnalytics} from the crm-analytics results; the
 * branch desk shows it as a page and {@link DashboardReport} writes it as one printable file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf when the night ran
 * @param customers customers in the night's frame
 * @param tiers customers per tier, highest tier first
 * @param tierChangesWritten tier changes the night wrote to the tier history
 * @param top20Share the share of revenue the top 20% of customers bring, 0 to 1
 * @param gini the Gini coefficient of revenue
 * @param pareto the Pareto curve, from (0, 0) to (1, 1)
 * @param grid the segment grid
 * @param atRisk customers at high churn risk, most points first
 * @param clv the lifetime-value models fitted on the trade ledger and the most valuable customers
 * @param crossSell the rules between product lines and the partner products suggested
 * @param clusters the k-means clusters of the frame, in cluster order
 * @param nba the morning's next best actions: recommended per proposition, dropped per stage
 * @param staff the quarter's figures per relationship manager and broker
 */
public record Dashboard(Instant asOf, int customers, List<TierCount> tiers, int tierChangesWritten, double top20Share,
        double gini, List<ParetoPoint> pareto, Grid grid, List<AtRisk> atRisk, Clv clv, CrossSell crossSell,
        List<Cluster> clusters, Nba nba, List<Staff> staff) {
    public Dashboard {
        Objects.requireNonNull(asOf, "asOf");
        tiers = List.copyOf(tiers);
        pareto = List.copyOf(pareto);
        Objects.requireNonNull(grid, "grid");
        atRisk = List.copyOf(atRisk);
        Objects.requireNonNull(clv, "clv");
        Objects.requireNonNull(crossSell, "crossSell");
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(nba, "nba");
        staff = List.copyOf(staff);
    }

    /**
     * Lifetime value: the fitted parameters (BG/NBD r, alpha, a, b; Gamma-Gamma p, q, v), the
     * customers valued, the sum of their 12-month CLV and the most valuable first.
     */
    public record Clv(Map<String, Double> purchaseModel, Map<String, Double> spendModel, int customers, double total,
            List<ClvEntry> top) {
        public Clv {
            purchaseModel = ordered(purchaseModel);
            spendModel = ordered(spendModel);
            top = List.copyOf(top);
        }
    }

    /**
     * One valued customer: repeat purchases x, the probability of still being active, the expected
     * commission per trade and the discounted 12-month value.
     */
    public record ClvEntry(String customerId, String name, int repeatPurchases, double probabilityAlive,
            double spendPerTrade, double value) {}

    /** Cross-sell: baskets mined, the leading rules, how many rules and customers with a suggestion, the first few. */
    public record CrossSell(int baskets, List<Rule> rules, int ruleCount, int customersWithSuggestion,
            List<Suggestion> suggestions) {
        public CrossSell {
            rules = List.copyOf(rules);
            suggestions = List.copyOf(suggestions);
        }
    }

    /** One rule: products held, products suggested, baskets holding both, confidence, lift and the rule in words. */
    public record Rule(String antecedent, String consequent, long count, double confidence, double lift, String text) {}

    /** A partner product for one customer, with the rule's words as the reason. */
    public record Suggestion(String customerId, String name, String products, String reason) {}

    /** One cluster: its size, its customers' mean assets and what sets it apart, in words. */
    public record Cluster(int cluster, long size, double meanAum, String description) {}

    /** The next best actions: how many recommended in all and per proposition, and the drops per stage. */
    public record Nba(long recommended, Map<String, Long> byProposition, Map<String, Long> dropsByStage) {
        public Nba {
            byProposition = ordered(byProposition);
            dropsByStage = ordered(dropsByStage);
        }
    }

    /** A relationship manager's or broker's quarter: customers, assets at the end, net new assets, interactions, contribution. */
    public record Staff(String id, String roles, long customers, double assetsAtEnd, double netNewAssets, long interactions,
            double contribution) {}

    /** An unmodifiable copy keeping the order (parameters and propositions read in their own order). */
    private static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    /** The top-20% share as the pages print it, e.g. {@code 47.3%}. */
    public String top20SharePercent() {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * top20Share);
    }

    /** Customers in one tier. */
    public record TierCount(String code, String name, int count) {}

    /** One customer at risk: id, display name, churn points and the scorecard's reasons. */
    public record AtRisk(String customerId, String name, int points, List<String> reasons) {
        public AtRisk {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The segment grid: band labels of the rows and columns and one statistics entry per cell,
     * row-major (empty cells included).
     */
    public record Grid(List<String> rowBands, List<String> columnBands, List<SegmentStatistics> cells) {
        public Grid {
            rowBands = List.copyOf(rowBands);
            columnBands = List.copyOf(columnBands);
            cells = List.copyOf(cells);
            if (cells.size() != rowBands.size() * columnBands.size()) {
                throw new IllegalArgumentException("grid cells must be rows x columns");
            }
        }

        /** The grid's labels taken from the library's own cell labels ({@code "age 28-40 x aum 0-250000"}). */
        public static Grid of(GridSegmentation grid, List<SegmentStatistics> cells) {
            List<String> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int r = 0; r < grid.rowBands(); r++) {
                rows.add(grid.cellLabel(r * grid.columnBands()).split(" x ")[0]);
            }
            for (int c = 0; c < grid.columnBands(); c++) {
                columns.add(grid.cellLabel(c).split(" x ")[1]);
            }
            return new Grid(rows, columns, cells);
        }

        public SegmentStatistics cell(int row, int column) {
            return cells.get(row * columnBands.size() + column);
        }
    }
}
