package io.crmkit.examples.desk;

import io.crmkit.analytics.concentration.ParetoPoint;
import io.crmkit.analytics.segment.GridSegmentation;
import io.crmkit.analytics.segment.SegmentStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 */
public record Dashboard(Instant asOf, int customers, List<TierCount> tiers, int tierChangesWritten, double top20Share,
        double gini, List<ParetoPoint> pareto, Grid grid, List<AtRisk> atRisk) {
    public Dashboard {
        Objects.requireNonNull(asOf, "asOf");
        tiers = List.copyOf(tiers);
        pareto = List.copyOf(pareto);
        Objects.requireNonNull(grid, "grid");
        atRisk = List.copyOf(atRisk);
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
