package io.crmkit.analytics.concentration;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How concentrated revenue (or assets, or contribution) is across customers: the Pareto curve, the
 * share brought by the top x% as measured, and the Gini coefficient.
 *
 * <p>Definitions, with customers sorted by value, highest first, and {@code n} customers:
 * <ul>
 *   <li>{@link #shareOfTop(double) shareOfTop(x)}: the value of the top {@code ceil(x * n)}
 *       customers divided by the total.</li>
 *   <li>{@link #customerShareFor(double) customerShareFor(s)}: {@code k / n} for the smallest
 *       {@code k} whose top-k value reaches {@code s} of the total ("4% of customers bring 80%").</li>
 *   <li>{@link #gini()}: {@code sum_i (2i - n - 1) x_(i) / (n * sum x)} with {@code x_(i)} sorted
 *       ascending, i from 1; 0 when all are equal, {@code (n-1)/n} when one customer has all.</li>
 * </ul>
 * Values must be finite and at least 0 with a positive total (clip losses to 0 beforehand if
 * contribution can be negative). Immutable and thread-safe.
 */
public final class Concentration {

    private final double[] prefix; // prefix[k] = sum of the k largest values
    private final double gini;

    private Concentration(double[] prefix, double gini) {
        this.prefix = prefix;
        this.gini = gini;
    }

    /**
     * @param values one value per customer (not modified)
     * @throws RuntimeException naming the field and row when a value is negative or not finite, or
     *                          when the total is not positive
     */
    public static Concentration of(double[] values) {
        Checks.notNull(values, "values");
        int n = values.length;
        double[] asc = values.clone();
        for (int i = 0; i < n; i++) {
            if (!(asc[i] >= 0) || asc[i] == Double.POSITIVE_INFINITY) {
                throw Checks.invalid("values row " + i, "must be a finite number at least 0");
            }
            asc[i] += 0.0;
        }
        Arrays.parallelSort(asc);
        double[] prefix = new double[n + 1];
        double weighted = 0;
        for (int k = 1; k <= n; k++) {
            double v = asc[n - k];
            prefix[k] = prefix[k - 1] + v;
            // ascending index i = n - k + 1, so 2i - n - 1 = n + 1 - 2k
            weighted += (double) (n + 1 - 2L * k) * v;
        }
        double total = prefix[n];
        if (!(total > 0)) {
            throw Checks.invalid("values", "must have a positive total");
        }
        return new Concentration(prefix, weighted / (n * total));
    }

    public static Concentration of(FeatureFrame frame, String feature) {
        return of(Checks.notNull(frame, "frame").numeric(feature));
    }

    public int size() {
        return prefix.length - 1;
    }

    public double total() {
        return prefix[prefix.length - 1];
    }

    /** Share of the total brought by the top {@code customerShare} (0 to 1) of customers. */
    public double shareOfTop(double customerShare) {
        Checks.between(customerShare, 0, 1, "customerShare");
        int n = size();
        long k = BigDecimal.valueOf(customerShare).multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return prefix[(int) k] / total();
    }

    /** The smallest share of customers (top first) that brings at least {@code valueShare} (0 to 1). */
    public double customerShareFor(double valueShare) {
        Checks.between(valueShare, 0, 1, "valueShare");
        double target = valueShare * total();
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (double) lo / size();
    }

    /** The curve at {@code points + 1} evenly spaced customer shares 0, 1/points, ..., 1. */
    public List<ParetoPoint> paretoCurve(int points) {
        Checks.between(points, 1, 10_000, "points");
        List<ParetoPoint> out = new ArrayList<>(points + 1);
        for (int p = 0; p <= points; p++) {
            double share = (double) p / points;
            out.add(new ParetoPoint(share, shareOfTop(share)));
        }
        return out;
    }

    public double gini() {
        return gini;
    }

    @Override
    public String toString() {
        return "Concentration[n=" + size() + ", gini=" + gini + "]";
    }
}
