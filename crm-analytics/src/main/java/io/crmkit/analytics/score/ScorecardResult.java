package io.crmkit.analytics.score;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Scorecard points and bands by row; reasons are the rules that held, most points first, worked
 * out on request from the frame. Immutable and thread-safe; arrays are never exposed.
 */
public final class ScorecardResult implements ScoreResult {

    private final FeatureFrame frame;
    private final PointsScorecard card;
    private final int[] points;
    // band index by total points; bands are not stored per row
    private final byte[] bandOfPoints;

    ScorecardResult(FeatureFrame frame, PointsScorecard card, int[] points, byte[] bandOfPoints) {
        this.frame = frame;
        this.card = card;
        this.points = points;
        this.bandOfPoints = bandOfPoints;
    }

    @Override
    public String model() {
        return card.name();
    }

    @Override
    public int size() {
        return points.length;
    }

    @Override
    public long customerId(int row) {
        return frame.ids()[row];
    }

    public int points(int row) {
        return points[row];
    }

    /** Band index, 0 = lowest points. */
    public int bandIndex(int row) {
        return bandOfPoints[points(row)];
    }

    @Override
    public double score(int row) {
        return points(row);
    }

    @Override
    public double[] scores() {
        double[] out = new double[points.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = points[i];
        }
        return out;
    }

    /** The band label, e.g. {@code HIGH}. */
    @Override
    public String label(int row) {
        return card.bands().get(bandIndex(row));
    }

    /** Rows whose band is {@code label} or higher, by descending points then row. */
    public int[] rowsAtLeast(String label) {
        int b = card.bands().indexOf(label);
        if (b < 0) {
            throw io.crmkit.analytics.internal.Checks.invalid("band", "must be one of " + card.bands());
        }
        // bands are ordered by points, so "band b or above" is "at least the band's first points"
        int from = card.bandFrom(b);
        int count = 0;
        for (int i = 0; i < points.length; i++) {
            count += points[i] >= from ? 1 : 0;
        }
        long[] keyed = new long[count];
        int p = 0;
        for (int i = 0; i < points.length; i++) {
            int pts = points[i];
            if (pts >= from) {
                // Higher points first, then lower row: sort ascending on (-points, row).
                keyed[p++] = ((long) (Integer.MAX_VALUE - pts) << 32) | i;
            }
        }
        java.util.Arrays.sort(keyed);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = (int) keyed[i];
        }
        return rows;
    }

    /** The rules that held for the row, most points first; a single "no risk factor" reason if none. */
    @Override
    public List<Reason> reasons(int row) {
        List<ScorecardRule> held = new ArrayList<>();
        for (ScorecardRule r : card.rules()) {
            if (r.test(frame.numeric(r.feature())[row])) {
                held.add(r);
            }
        }
        if (held.isEmpty()) {
            return List.of(new Reason("NO_FACTOR", "No scorecard factor applies"));
        }
        // Stable sort keeps configured order among equal points.
        held.sort((a, b) -> Integer.compare(b.points(), a.points()));
        List<Reason> out = new ArrayList<>(held.size());
        for (ScorecardRule r : held) {
            out.add(new Reason(r.code(), r.text() + " (+" + r.points() + " points)"));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ScorecardResult[model=" + card.name() + ", rows=" + points.length + "]";
    }
}
