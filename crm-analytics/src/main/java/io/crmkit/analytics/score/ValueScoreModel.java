package io.crmkit.analytics.score;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.List;

/**
 * Value / contribution score (贡献度): a weighted sum of capped components, rescaled to 0..100.
 *
 * <p>{@code score = 100 * sum(weight_i * clamp(x_i / cap_i, 0, 1)) / sum(weight_i)}. Negative
 * values (an outflow, a loss-making customer) earn 0 points for that component. Reasons are the
 * components that earned the most points. Immutable and thread-safe.
 */
public final class ValueScoreModel implements ScoringModel {

    private static final int BLOCK = 1024;
    private final ValueScoreConfig config;

    private ValueScoreModel(ValueScoreConfig config) {
        this.config = config;
    }

    public static ValueScoreModel of(ValueScoreConfig config) {
        return new ValueScoreModel(Checks.notNull(config, "config"));
    }

    public static ValueScoreModel ofDefaults() {
        return new ValueScoreModel(ValueScoreConfig.ofDefaults());
    }

    public ValueScoreConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "value";
    }

    @Override
    public ValueScoreResult score(FeatureFrame frame) {
        return score(frame, ProgressListener.none());
    }

    @Override
    public ValueScoreResult score(FeatureFrame frame, ProgressListener progress) {
        Checks.notNull(frame, "frame");
        Checks.notNull(progress, "progress");
        List<ValueComponent> comps = config.components();
        int k = comps.size();
        double[][] cols = new double[k][];
        double[] invCap = new double[k];
        double[] weight = new double[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
            cols[j] = frame.numeric(comps.get(j).feature());
            invCap[j] = 1.0 / comps.get(j).cap();
            total += comps.get(j).weight();
        }
        for (int j = 0; j < k; j++) {
            weight[j] = comps.get(j).weight() * 100.0 / total;
        }
        int n = frame.size();
        double[] out = new double[n];
        // Component-at-a-time inside small blocks: each inner loop streams one column and the
        // accumulator stays in L1, so the JIT can vectorize it.
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, config.parallelism(), "value", progress, (c, from, to) -> {
            for (int s = from; s < to; s += BLOCK) {
                int e = Math.min(to, s + BLOCK);
                for (int j = 0; j < k; j++) {
                    double[] col = cols[j];
                    double ic = invCap[j];
                    double w = weight[j];
                    for (int i = s; i < e; i++) {
                        out[i] += w * Math.min(Math.max(col[i] * ic, 0.0), 1.0);
                    }
                }
            }
        });
        return new ValueScoreResult(frame, config, out);
    }

    /** Points each component earned for one row, on the 0..100 scale. */
    static double[] points(FeatureFrame frame, ValueScoreConfig config, int row) {
        List<ValueComponent> comps = config.components();
        double total = 0;
        for (ValueComponent c : comps) {
            total += c.weight();
        }
        double[] pts = new double[comps.size()];
        for (int j = 0; j < pts.length; j++) {
            ValueComponent c = comps.get(j);
            double x = frame.numeric(c.feature())[row];
            pts[j] = c.weight() * 100.0 / total * Math.min(Math.max(x / c.cap(), 0.0), 1.0);
        }
        return pts;
    }
}
