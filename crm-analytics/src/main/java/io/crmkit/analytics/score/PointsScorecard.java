package io.crmkit.analytics.score;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A points scorecard: every rule that holds adds its points; the total places the customer in a
 * band (e.g. LOW / MEDIUM / HIGH churn risk, or lead grades). Reasons are the rules that held,
 * most points first (ties in configured order).
 *
 * <p>Used for churn risk ({@link Scorecards#churnDefaults()}) and lead scoring
 * ({@link Scorecards#leadDefaults()}); any host scorecard is built with {@link #custom()}.
 * Immutable and thread-safe.
 */
public final class PointsScorecard implements ScoringModel {

    private static final int BLOCK = 1024;

    private final String name;
    private final List<ScorecardRule> rules;
    private final List<String> bandLabels;
    private final int[] bandFrom;
    private final int parallelism;
    /** Band index by total points, shared read-only by every result. */
    private final byte[] bandOfPoints;

    private PointsScorecard(Builder b) {
        this.name = b.name;
        this.rules = List.copyOf(b.rules);
        this.bandLabels = List.copyOf(b.bandLabels);
        this.bandFrom = b.bandFrom.stream().mapToInt(Integer::intValue).toArray();
        this.parallelism = b.parallelism;
        this.bandOfPoints = bandTable();
    }

    public static Builder custom() {
        return new Builder();
    }

    public static Builder from(PointsScorecard base) {
        Checks.notNull(base, "base");
        Builder b = new Builder().name(base.name).parallelism(base.parallelism);
        base.rules.forEach(b::rule);
        for (int i = 0; i < base.bandFrom.length; i++) {
            b.band(base.bandLabels.get(i), base.bandFrom[i]);
        }
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    public List<ScorecardRule> rules() {
        return rules;
    }

    /** Band labels, lowest points first. */
    public List<String> bands() {
        return bandLabels;
    }

    /** Lowest total points of the band at {@code index}. */
    public int bandFrom(int index) {
        return bandFrom[index];
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public ScorecardResult score(FeatureFrame frame) {
        return score(frame, ProgressListener.none());
    }

    @Override
    public ScorecardResult score(FeatureFrame frame, ProgressListener progress) {
        Checks.notNull(frame, "frame");
        Checks.notNull(progress, "progress");
        int k = rules.size();
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = frame.numeric(rules.get(j).feature());
        }
        int n = frame.size();
        // No band column: the band follows from the total through a table. Rules add straight
        // into the totals, indexed like the feature columns: summing into a small block that
        // stays in L1 and storing it as bytes measured slower (37-45 against 21-25 ms for the
        // rule loops over 10M rows, one thread).
        int[] points = new int[n];
        Parallel.forEachChunk(n, Parallel.DEFAULT_CHUNK, parallelism, name, progress, (c, start, end) -> {
            for (int s = start; s < end; s += BLOCK) {
                int e = Math.min(end, s + BLOCK);
                for (int j = 0; j < k; j++) {
                    addRule(rules.get(j), cols[j], points, s, e);
                }
            }
        });
        return new ScorecardResult(frame, this, points, bandOfPoints);
    }

    /** Band by total points, 0 to the sum of all rules' points (at most 32,000). */
    private byte[] bandTable() {
        int max = 0;
        for (ScorecardRule r : rules) {
            max += r.points();
        }
        byte[] table = new byte[max + 1];
        for (int p = 0; p <= max; p++) {
            int b = 0;
            for (int t = 1; t < bandFrom.length; t++) {
                b += p >= bandFrom[t] ? 1 : 0;
            }
            table[p] = (byte) b;
        }
        return table;
    }

    // One loop per comparison so that the comparison is hoisted out of the row loop.
    private static void addRule(ScorecardRule rule, double[] col, int[] points, int s, int e) {
        double t = rule.threshold();
        int p = rule.points();
        switch (rule.comparison()) {
            case LESS_THAN:
                for (int i = s; i < e; i++) {
                    points[i] += col[i] < t ? p : 0;
                }
                break;
            case AT_MOST:
                for (int i = s; i < e; i++) {
                    points[i] += col[i] <= t ? p : 0;
                }
                break;
            case GREATER_THAN:
                for (int i = s; i < e; i++) {
                    points[i] += col[i] > t ? p : 0;
                }
                break;
            default:
                for (int i = s; i < e; i++) {
                    points[i] += col[i] >= t ? p : 0;
                }
        }
    }

    @Override
    public String toString() {
        return "PointsScorecard[name=" + name + ", rules=" + rules.size() + ", bands=" + bandLabels + "]";
    }

    /**
     * Builder of {@link PointsScorecard}. Rules: 1 to 32, distinct codes. Bands: the first starts
     * at 0 points, each next one at strictly more points, labels distinct, at most 10; the last
     * band must be reachable (its start at most the sum of all points). Not thread-safe.
     */
    public static final class Builder {
        private String name = "scorecard";
        private final List<ScorecardRule> rules = new ArrayList<>();
        private final List<String> bandLabels = new ArrayList<>();
        private final List<Integer> bandFrom = new ArrayList<>();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Short lower-case name, e.g. {@code churn}. */
        public Builder name(String name) {
            this.name = Checks.featureName(name, "scorecard.name");
            return this;
        }

        public Builder rule(ScorecardRule rule) {
            Checks.notNull(rule, "scorecard.rule");
            if (rules.size() == 32) {
                throw Checks.invalid("scorecard.rules", "must hold at most 32 rules");
            }
            rules.add(rule);
            return this;
        }

        /** Adds the band starting at {@code fromPoints}; call in increasing order, the first at 0. */
        public Builder band(String label, int fromPoints) {
            Checks.code(label, "scorecard.band.label");
            if (bandFrom.isEmpty() && fromPoints != 0) {
                throw Checks.invalid("scorecard.band.fromPoints", "of the first band must be 0 (was " + fromPoints + ")");
            }
            if (!bandFrom.isEmpty() && fromPoints <= bandFrom.get(bandFrom.size() - 1)) {
                throw Checks.invalid("scorecard.band.fromPoints", "must be greater than the previous band's ("
                        + bandFrom.get(bandFrom.size() - 1) + "), was " + fromPoints);
            }
            if (bandLabels.contains(label)) {
                throw Checks.invalid("scorecard.band.label", "must be distinct (" + label + " twice)");
            }
            if (bandLabels.size() == 10) {
                throw Checks.invalid("scorecard.bands", "must hold at most 10 bands");
            }
            bandLabels.add(label);
            bandFrom.add(fromPoints);
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = Checks.between(parallelism, 1, 256, "scorecard.parallelism");
            return this;
        }

        public PointsScorecard build() {
            if (rules.isEmpty()) {
                throw Checks.invalid("scorecard.rules", "must hold at least one rule");
            }
            Set<String> codes = new HashSet<>();
            int max = 0;
            for (ScorecardRule r : rules) {
                if (!codes.add(r.code())) {
                    throw Checks.invalid("scorecard.rules", "must have distinct codes (" + r.code() + " twice)");
                }
                max += r.points();
            }
            if (bandLabels.size() < 2) {
                throw Checks.invalid("scorecard.bands", "must hold at least two bands");
            }
            int last = bandFrom.get(bandFrom.size() - 1);
            if (last > max) {
                throw Checks.invalid("scorecard.bands", "last band starts at " + last
                        + " points but the rules give at most " + max);
            }
            return new PointsScorecard(this);
        }
    }
}
