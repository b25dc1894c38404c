package io.crmkit.analytics.cluster;

import java.util.SplittableRandom;

/** Seeded Gaussian blobs as columns: {@code columns[f][row]}. */
final class Blobs {

    private Blobs() {
    }

    static double[][] columns(long seed, int n, int d, int blobs, double spread) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centre = new double[blobs][d];
        for (double[] c : centre) {
            for (int f = 0; f < d; f++) {
                c[f] = rnd.nextDouble(-10, 10);
            }
        }
        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            double[] c = centre[rnd.nextInt(blobs)];
            for (int f = 0; f < d; f++) {
                cols[f][i] = c[f] + spread * gaussian(rnd) * (1 + f % 3);
            }
        }
        return cols;
    }

    static java.util.List<String> names(int d) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < d; f++) {
            names.add("f" + f);
        }
        return names;
    }

    static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
