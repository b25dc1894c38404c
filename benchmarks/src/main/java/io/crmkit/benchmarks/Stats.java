package io.crmkit.benchmarks;

import java.util.Arrays;

/** The order statistics the interleaved ratio runs report: the median and quartiles of per-round values. */
public final class Stats {
    private Stats() {
    }

    /** The median of {@code v} (the lower middle value of an even count). */
    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** The value at rank {@code floor(q (n - 1))} of {@code v} sorted; {@code v} is left as it was. */
    public static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1)))];
    }
}
