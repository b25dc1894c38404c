package io.crmkit.analytics.score;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RFM scores by row: recency, frequency and monetary scores 1..q, the named cell, and reasons.
 *
 * <p>Holds the frame it was computed on (for customer ids). Immutable and thread-safe; the byte
 * arrays are never exposed.
 */
public final class RfmResult implements ScoreResult {

    private static final RfmCell[] CELLS = RfmCell.values();

    private final FeatureFrame frame;
    private final int quantiles;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final byte[] cellOf;

    RfmResult(FeatureFrame frame, int quantiles, byte[] r, byte[] f, byte[] m, byte[] cellOf) {
        this.frame = frame;
        this.quantiles = quantiles;
        this.r = r;
        this.f = f;
        this.m = m;
        this.cellOf = cellOf;
    }

    @Override
    public String model() {
        return "rfm";
    }

    @Override
    public int size() {
        return r.length;
    }

    @Override
    public long customerId(int row) {
        return frame.ids()[row];
    }

    public int quantiles() {
        return quantiles;
    }

    /** Recency score 1..q (higher is more recent). */
    public int recency(int row) {
        return r[row];
    }

    /** Frequency score 1..q. */
    public int frequency(int row) {
        return f[row];
    }

    /** Monetary score 1..q. */
    public int monetary(int row) {
        return m[row];
    }

    public RfmCell cell(int row) {
        return CELLS[cellOf[(r[row] << 4) | f[row]]];
    }

    /** The usual RFM code, e.g. {@code "545"}; with 10 quantiles the parts are joined by '-'. */
    public String rfmCode(int row) {
        String sep = quantiles > 9 ? "-" : "";
        return r[row] + sep + f[row] + sep + m[row];
    }

    /** {@code r + f + m}. */
    @Override
    public double score(int row) {
        return r[row] + f[row] + m[row];
    }

    @Override
    public double[] scores() {
        double[] out = new double[r.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r[i] + f[i] + m[i];
        }
        return out;
    }

    @Override
    public String label(int row) {
        return cell(row).displayName();
    }

    /** Customers per cell, in the enum's order; cells without customers are present with 0. */
    public Map<RfmCell, Integer> countByCell() {
        int[] byScores = new int[256];
        for (int i = 0; i < r.length; i++) {
            byScores[(r[i] << 4) | f[i]]++;
        }
        int[] counts = new int[CELLS.length];
        for (int rf = 0; rf < byScores.length; rf++) {
            counts[cellOf[rf]] += byScores[rf];
        }
        Map<RfmCell, Integer> out = new EnumMap<>(RfmCell.class);
        for (RfmCell c : CELLS) {
            out.put(c, counts[c.ordinal()]);
        }
        return out;
    }

    /** The cell first, then one reason per dimension in R, F, M order. */
    @Override
    public List<Reason> reasons(int row) {
        RfmCell c = cell(row);
        int r5 = RfmModel.toFive(r[row], quantiles);
        int f5 = RfmModel.toFive(f[row], quantiles);
        int m5 = RfmModel.toFive(m[row], quantiles);
        String of = " (score %d of " + quantiles + ")";
        return List.of(
                new Reason("RFM_CELL_" + c.name(), c.displayName() + ": " + c.description()),
                dimension(r5, r[row], of, "RFM_RECENT", "Active recently compared with other customers",
                        "RFM_RECENCY_AVERAGE", "Last active an average time ago",
                        "RFM_NOT_RECENT", "Long time since the last activity compared with other customers"),
                dimension(f5, f[row], of, "RFM_FREQUENT", "Active more often than most customers",
                        "RFM_FREQUENCY_AVERAGE", "Average number of trades or purchases",
                        "RFM_INFREQUENT", "Trades or buys less often than most customers"),
                dimension(m5, m[row], of, "RFM_HIGH_VALUE", "Brings more business by amount than most customers",
                        "RFM_VALUE_AVERAGE", "Average business by amount",
                        "RFM_LOW_VALUE", "Brings less business by amount than most customers"));
    }

    private static Reason dimension(int five, int score, String of, String highCode, String high,
                                    String midCode, String mid, String lowCode, String low) {
        String suffix = String.format(java.util.Locale.ROOT, of, score);
        if (five >= 4) {
            return new Reason(highCode, high + suffix);
        }
        if (five == 3) {
            return new Reason(midCode, mid + suffix);
        }
        return new Reason(lowCode, low + suffix);
    }

    @Override
    public String toString() {
        return "RfmResult[rows=" + r.length + ", quantiles=" + quantiles + "]";
    }
}
