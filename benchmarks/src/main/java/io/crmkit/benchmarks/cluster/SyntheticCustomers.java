package io.crmkit.benchmarks.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.ml.clustering.DoublePoint;

/**
 * Seeded customers with ten numeric features drawn around eight segment profiles that overlap
 * (centres 4 sd apart on average, unit noise, a skewed log-normal "aum"-like feature), the shape
 * k-means meets on real books: groups exist but their borders are crowded.
 */
final class SyntheticCustomers {

    static final int FEATURES = 10;

    private SyntheticCustomers() {
    }

    static double[][] columns(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] profile = new double[8][FEATURES];
        for (double[] p : profile) {
            for (int f = 0; f < FEATURES; f++) {
                p[f] = rnd.nextDouble(-2.5, 2.5);
            }
        }
        double[][] cols = new double[FEATURES][rows];
        for (int i = 0; i < rows; i++) {
            double[] p = profile[rnd.nextInt(8)];
            for (int f = 0; f < FEATURES; f++) {
                double v = p[f] + gaussian(rnd);
                cols[f][i] = f == 0 ? Math.exp(v) * 10_000 : v;
            }
        }
        return cols;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < FEATURES; f++) {
            names.add("f" + f);
        }
        return names;
    }

    /** The columns z-scored (population sd), as CRMKit standardises them, as commons-math points. */
    static List<DoublePoint> standardizedPoints(double[][] cols) {
        int n = cols[0].length;
        double[] mean = new double[cols.length];
        double[] sd = new double[cols.length];
        for (int f = 0; f < cols.length; f++) {
            double s = 0;
            for (double v : cols[f]) {
                s += v;
            }
            mean[f] = s / n;
            double ss = 0;
            for (double v : cols[f]) {
                ss += (v - mean[f]) * (v - mean[f]);
            }
            sd[f] = Math.sqrt(ss / n);
        }
        List<DoublePoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[cols.length];
            for (int f = 0; f < cols.length; f++) {
                x[f] = (cols[f][i] - mean[f]) / sd[f];
            }
            points.add(new DoublePoint(x));
        }
        return points;
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
