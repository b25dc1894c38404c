package io.crmkit.analytics.clv.internal;

/**
 * Small dense linear algebra for the standard errors: the inverse of a symmetric positive
 * definite matrix by Cholesky.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
final class Linear {

    private Linear() {
    }

    /**
     * The inverse of {@code a}, or null when it is not positive definite with every Cholesky pivot
     * (squared) at least {@code relative} times the largest diagonal entry.
     */
    static double[][] inverseSpd(double[][] a, double relative) {
        int n = a.length;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, a[i][i]);
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > relative * maxDiag) || !Double.isFinite(sum)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int col = 0; col < n; col++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = i == col ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * y[k];
                }
                y[i] = sum / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k][i] * inv[k][col];
                }
                inv[i][col] = sum / l[i][i];
            }
        }
        return inv;
    }
}
