package io.crmkit.analytics.score;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Value scores 0..100 by row. Reasons are the two components that earned the most points (ties
 * in the configured order), worked out on request from the frame. Labels are "high" (70 and up),
 * "medium" (40 and up) and "low". Immutable and thread-safe; the score array is never exposed.
 */
public final class ValueScoreResult implements ScoreResult {

    private final FeatureFrame frame;
    private final ValueScoreConfig config;
    private final double[] scores;

    ValueScoreResult(FeatureFrame frame, ValueScoreConfig config, double[] scores) {
        this.frame = frame;
        this.config = config;
        this.scores = scores;
    }

    @Override
    public String model() {
        return "value";
    }

    @Override
    public int size() {
        return scores.length;
    }

    @Override
    public long customerId(int row) {
        return frame.ids()[row];
    }

    @Override
    public double score(int row) {
        return scores[row];
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The backing score array, for engines in the same run (tiering) that must not pay for a copy.
     * Read-only by contract.
     */
    public double[] scoresView() {
        return scores;
    }

    @Override
    public String label(int row) {
        double s = scores[row];
        return s >= 70 ? "high" : s >= 40 ? "medium" : "low";
    }

    @Override
    public List<Reason> reasons(int row) {
        double[] pts = ValueScoreModel.points(frame, config, row);
        List<ValueComponent> comps = config.components();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < pts.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -pts[j]).thenComparingInt(j -> j));
        double total = comps.stream().mapToDouble(ValueComponent::weight).sum();
        List<Reason> out = new ArrayList<>();
        for (int idx = 0; idx < Math.min(2, order.size()); idx++) {
            int j = order.get(idx);
            ValueComponent c = comps.get(j);
            double max = c.weight() * 100.0 / total;
            out.add(new Reason(c.code(), String.format(Locale.ROOT, "%s: %.1f of %.1f points",
                    c.label(), pts[j], max)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ValueScoreResult[rows=" + scores.length + "]";
    }
}
