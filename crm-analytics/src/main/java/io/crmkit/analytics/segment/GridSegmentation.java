package io.crmkit.analytics.segment;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Grid segmentation over two numeric features, e.g. age bands x income bands.
 *
 * <p>Bands are given by increasing edges {@code e0 < e1 < ... < ek}: band i holds values in
 * {@code [e_i, e_(i+1))} and the last band {@code [e_k, infinity)}. Values below {@code e0} fall
 * outside the grid (cell -1).
 *
 * <pre>{@code
 * GridSegmentation g = GridSegmentation.custom()
 *     .rows("age", 18, 28, 40, 60).columns("income", 0, 100_000, 300_000).build();
 * GridResult r = g.assign(frame);
 * }</pre>
 * Immutable and thread-safe.
 */
public final class GridSegmentation {

    private final String rowFeature;
    private final double[] rowEdges;
    private final String columnFeature;
    private final double[] columnEdges;

    private GridSegmentation(Builder b) {
        this.rowFeature = b.rowFeature;
        this.rowEdges = b.rowEdges;
        this.columnFeature = b.columnFeature;
        this.columnEdges = b.columnEdges;
    }

    public static Builder custom() {
        return new Builder();
    }

    public int rowBands() {
        return rowEdges.length;
    }

    public int columnBands() {
        return columnEdges.length;
    }

    /** Label of a cell, e.g. {@code "age 28-40 x income 100000+"}. */
    public String cellLabel(int cell) {
        int r = cell / columnEdges.length;
        int c = cell % columnEdges.length;
        return rowFeature + " " + band(rowEdges, r) + " x " + columnFeature + " " + band(columnEdges, c);
    }

    private static String band(double[] edges, int i) {
        return i == edges.length - 1 ? fmt(edges[i]) + "+" : fmt(edges[i]) + "-" + fmt(edges[i + 1]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Places every row of the frame in a cell. */
    public GridResult assign(FeatureFrame frame) {
        Checks.notNull(frame, "frame");
        double[] a = frame.numeric(rowFeature);
        double[] b = frame.numeric(columnFeature);
        int[] cell = new int[frame.size()];
        for (int i = 0; i < cell.length; i++) {
            int r = bandOf(rowEdges, a[i]);
            int c = bandOf(columnEdges, b[i]);
            cell[i] = r < 0 || c < 0 ? -1 : r * columnEdges.length + c;
        }
        return new GridResult(this, frame, cell);
    }

    private static int bandOf(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length - 1;
        if (v < edges[0]) {
            return -1;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "GridSegmentation[" + rowFeature + " x " + columnFeature + ", " + rowEdges.length + "x"
                + columnEdges.length + "]";
    }

    /** Builder: both dimensions required, 1 to 50 strictly increasing finite edges each. Not thread-safe. */
    public static final class Builder {
        private String rowFeature;
        private double[] rowEdges;
        private String columnFeature;
        private double[] columnEdges;

        private Builder() {
        }

        public Builder rows(String feature, double... edges) {
            this.rowFeature = Checks.featureName(feature, "grid.rows.feature");
            this.rowEdges = edges(edges, "grid.rows.edges");
            return this;
        }

        public Builder columns(String feature, double... edges) {
            this.columnFeature = Checks.featureName(feature, "grid.columns.feature");
            this.columnEdges = edges(edges, "grid.columns.edges");
            return this;
        }

        private static double[] edges(double[] edges, String field) {
            Checks.notNull(edges, field);
            if (edges.length < 1 || edges.length > 50) {
                throw Checks.invalid(field, "must hold 1 to 50 edges (had " + edges.length + ")");
            }
            for (int i = 0; i < edges.length; i++) {
                Checks.finite(edges[i], field);
                if (i > 0 && edges[i] <= edges[i - 1]) {
                    throw Checks.invalid(field, "must be strictly increasing (edge " + i + ")");
                }
            }
            return edges.clone();
        }

        public GridSegmentation build() {
            if (rowFeature == null) {
                throw Checks.invalid("grid.rows", "must be set");
            }
            if (columnFeature == null) {
                throw Checks.invalid("grid.columns", "must be set");
            }
            return new GridSegmentation(this);
        }
    }

    /** Cells of every row and per-cell statistics. Immutable and thread-safe. */
    public static final class GridResult {
        private final GridSegmentation grid;
        private final FeatureFrame frame;
        private final int[] cell;

        GridResult(GridSegmentation grid, FeatureFrame frame, int[] cell) {
            this.grid = grid;
            this.frame = frame;
            this.cell = cell;
        }

        public int cellCount() {
            return grid.rowBands() * grid.columnBands();
        }

        /** Cell of a row ({@code rowBand * columnBands + columnBand}), or -1 outside the grid. */
        public int cell(int row) {
            return cell[row];
        }

        public String cellLabel(int cell) {
            return grid.cellLabel(cell);
        }

        /** One entry per cell in cell order (empty cells included), shares against the whole frame. */
        public List<SegmentStatistics> statistics(String assetsFeature, String contributionFeature) {
            double[] assets = frame.numeric(assetsFeature);
            double[] contribution = frame.numeric(contributionFeature);
            int cells = cellCount();
            int[] count = new int[cells];
            double[] a = new double[cells];
            double[] c = new double[cells];
            for (int i = 0; i < cell.length; i++) {
                int k = cell[i];
                if (k >= 0) {
                    count[k]++;
                    a[k] += assets[i];
                    c[k] += contribution[i];
                }
            }
            double totalAssets = Membership.sumAll(assets);
            double totalContribution = Membership.sumAll(contribution);
            List<SegmentStatistics> out = new ArrayList<>(cells);
            for (int k = 0; k < cells; k++) {
                out.add(SegmentStatistics.of(grid.cellLabel(k), count[k], cell.length, a[k], totalAssets, c[k],
                        totalContribution));
            }
            return out;
        }
    }
}
