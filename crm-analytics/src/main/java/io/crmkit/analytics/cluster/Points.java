package io.crmkit.analytics.cluster;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import java.util.HashSet;
import java.util.List;

/**
 * The points k-means works on: the feature columns, z-scored (or copied as they are), laid out row
 * by row in one array so that a point's coordinates are adjacent in memory, with each column's
 * mean and standard deviation for turning centres back into feature units.
 *
 * <p>A constant column (standard deviation 0) becomes all zeros: it cannot tell customers apart.
 * Population standard deviation (divide by n).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class Points {

    /** Rows per chunk of every parallel pass. Fixed, so sums do not depend on the number of threads. */
    static final int CHUNK = 1 << 14;
    static final int MAX_FEATURES = 256;
    static final int MAX_ROWS = 50_000_000;

    final int n;
    final int d;
    final double[] x;
    final List<String> names;
    final double[] means;
    final double[] sds;

    private Points(int n, int d, double[] x, List<String> names, double[] means, double[] sds) {
        this.n = n;
        this.d = d;
        this.x = x;
        this.names = names;
        this.means = means;
        this.sds = sds;
    }

    static Points of(double[][] columns, List<String> names, boolean standardize, int parallelism) {
        Checks.notNull(columns, "cluster.columns");
        Checks.notNull(names, "cluster.features");
        int d = columns.length;
        if (d < 1 || d > MAX_FEATURES) {
            throw Checks.invalid("cluster.features", "Size", "must name 1 to " + MAX_FEATURES + " features (had " + d + ")");
        }
        Checks.sameLength(d, names.size(), "cluster.features");
        HashSet<String> seen = new HashSet<>();
        for (int f = 0; f < d; f++) {
            Checks.featureName(names.get(f), "cluster.features[" + f + "]");
            if (!seen.add(names.get(f))) {
                throw Checks.invalid("cluster.features[" + f + "]", "Distinct", "repeats feature '" + names.get(f) + "'");
            }
            Checks.notNull(columns[f], "cluster.columns[" + f + "]");
        }
        int n = columns[0].length;
        if (n < 1 || n > MAX_ROWS) {
            throw Checks.invalid("cluster.columns", "Rows", "must have 1 to " + MAX_ROWS + " rows (had " + n + ")");
        }
        for (int f = 1; f < d; f++) {
            Checks.sameLength(n, columns[f].length, "cluster.columns[" + f + "]");
        }
        double[] means = new double[d];
        double[] sds = new double[d];
        Parallel.forEachChunk(d, 1, parallelism, "standardize", ProgressListener.none(), (f, from, to) -> {
            double[] col = columns[f];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(col[i])) {
                    // the row number helps to find the record; the value stays out of the message
                    throw Checks.invalid("cluster.features." + names.get(f), "Finite",
                            "must be a finite number (row " + i + " is not)");
                }
                sum += col[i];
            }
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dev = col[i] - mean;
                ss += dev * dev;
            }
            means[f] = mean;
            sds[f] = Math.sqrt(ss / n);
        });
        double[] x = new double[Math.multiplyExact(n, d)];
        Parallel.forEachChunk(n, CHUNK, parallelism, "standardize", ProgressListener.none(), (c, from, to) -> {
            for (int f = 0; f < d; f++) {
                double[] col = columns[f];
                double mean = standardize ? means[f] : 0;
                double sd = sds[f];
                boolean constant = !(sd > 0);
                for (int i = from; i < to; i++) {
                    x[i * d + f] = !standardize ? col[i] : constant ? 0 : (col[i] - mean) / sd;
                }
            }
        });
        return new Points(n, d, x, List.copyOf(names), means, sds);
    }

    boolean constant(int f) {
        return !(sds[f] > 0);
    }

    /**
     * Squared distance from point {@code i} to the centre at {@code off} in {@code centres}. Even
     * and odd coordinates are summed apart and then added: two independent chains of additions
     * take half the latency of one, and this is the one distance every step uses (k-means++,
     * Hamerly, the inertia, the tests' Lloyd), so they all round alike.
     */
    double dist2(int i, double[] centres, int off) {
        double even = 0;
        double odd = 0;
        int p = i * d;
        int f = 0;
        for (; f + 1 < d; f += 2) {
            double d0 = x[p + f] - centres[off + f];
            double d1 = x[p + f + 1] - centres[off + f + 1];
            even += d0 * d0;
            odd += d1 * d1;
        }
        if (f < d) {
            double d0 = x[p + f] - centres[off + f];
            even += d0 * d0;
        }
        return even + odd;
    }

    int chunks() {
        return Parallel.chunkCount(n, CHUNK);
    }
}
