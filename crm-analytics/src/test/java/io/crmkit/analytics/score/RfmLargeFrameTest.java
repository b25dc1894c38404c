package io.crmkit.analytics.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Frames large enough for the fused one-pass RFM path, checked against the tie rule by brute force. */
class RfmLargeFrameTest {

    private static final int N = (1 << 20) + 54_321;

    private static FeatureFrame frame(double[] rec, double[] freq, double[] mon) {
        return FeatureFrame.builder(rec.length).doubles("recency_days", rec).doubles("frequency", freq)
                .doubles("monetary", mon).build();
    }

    /** 1 + floor(q * c / n), c = number strictly worse (smaller, or larger when inverted). */
    private static int[] expected(double[] values, int q, boolean inverted) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long worse = inverted ? n - upper(sorted, values[i]) : lower(sorted, values[i]);
            out[i] = (int) (1 + q * worse / n);
        }
        return out;
    }

    private static int lower(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upper(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void check(double[] rec, double[] freq, double[] mon, int q) {
        int[] er = expected(rec, q, true);
        int[] ef = expected(freq, q, false);
        int[] em = expected(mon, q, false);
        FeatureFrame f = frame(rec, freq, mon);
        RfmResult one = RfmModel.of(RfmConfig.custom().quantiles(q).parallelism(1).build()).score(f);
        RfmResult two = RfmModel.of(RfmConfig.custom().quantiles(q).parallelism(2).build()).score(f);
        for (int i = 0; i < rec.length; i++) {
            if (one.recency(i) != er[i] || one.frequency(i) != ef[i] || one.monetary(i) != em[i]) {
                throw new AssertionError("row " + i + ": got " + one.rfmCode(i) + ", expected "
                        + er[i] + ef[i] + em[i]);
            }
            RfmCell cell = RfmCell.of(RfmModel.toFive(er[i], q), RfmModel.toFive(ef[i], q));
            if (one.cell(i) != cell || two.cell(i) != cell) {
                throw new AssertionError("row " + i + ": cell " + one.cell(i) + " / " + two.cell(i) + ", expected " + cell);
            }
            if (two.recency(i) != er[i] || two.frequency(i) != ef[i] || two.monetary(i) != em[i]) {
                throw new AssertionError("row " + i + " (2 threads): got " + two.rfmCode(i));
            }
        }
    }

    @Test
    @DisplayName("fused path: realistic columns with heavy ties score exactly as the tie rule says, for any q")
    void realisticColumns() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] rec = new double[N];
        double[] freq = new double[N];
        double[] mon = new double[N];
        for (int i = 0; i < N; i++) {
            rec[i] = rnd.nextInt(365);
            freq[i] = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(80);
            mon[i] = Math.round(Math.exp(8 + 2 * rnd.nextGaussian()) * 100) / 100.0;
        }
        for (int q : new int[] {5, 2, 10, 7}) {
            check(rec, freq, mon, q);
        }
    }

    @Test
    @DisplayName("fused path: a sample that misrepresents the data falls back and stays exact")
    void misleadingSample() {
        SplittableRandom rnd = new SplittableRandom(12);
        double[] rec = new double[N];
        double[] freq = new double[N];
        double[] mon = new double[N];
        boolean[] sampled = new boolean[N];
        for (int j = 0; j < 128; j++) {
            int start = (int) ((long) (N - 4096) * j / 127);
            Arrays.fill(sampled, start, start + 4096, true);
        }
        for (int i = 0; i < N; i++) {
            rec[i] = rnd.nextInt(365) + (sampled[i] ? 0 : 500);
            freq[i] = rnd.nextInt(80);
            mon[i] = sampled[i] ? rnd.nextDouble() : 1 + rnd.nextDouble() * 1e6;
        }
        check(rec, freq, mon, 5);
        // only the monetary column misleads
        for (int i = 0; i < N; i++) {
            rec[i] = rnd.nextInt(365);
        }
        check(rec, freq, mon, 5);
    }

    @Test
    @DisplayName("fused path: sorted columns and a single repeated value")
    void sortedAndConstant() {
        double[] rec = new double[N];
        double[] freq = new double[N];
        double[] mon = new double[N];
        for (int i = 0; i < N; i++) {
            rec[i] = i / 1000;
            freq[i] = 3;
            mon[i] = N - i;
        }
        check(rec, freq, mon, 5);
    }

    @Test
    @DisplayName("fused path: whole-number columns get an exact histogram, and a row off the grid or span is caught")
    void discreteColumns() {
        SplittableRandom rnd = new SplittableRandom(13);
        double[] rec = new double[N];
        double[] freq = new double[N];
        double[] mon = new double[N];
        for (int i = 0; i < N; i++) {
            rec[i] = rnd.nextInt(365);
            freq[i] = rnd.nextInt(201) - 100;
            mon[i] = rnd.nextInt(5000);
        }
        // all three discrete (monetary in whole currency units)
        check(rec, freq, mon, 5);
        // only monetary discrete
        double[] recC = new double[N];
        double[] freqC = new double[N];
        for (int i = 0; i < N; i++) {
            recC[i] = rnd.nextDouble() * 365;
            freqC[i] = rnd.nextDouble() * 80;
        }
        check(recC, freqC, mon, 5);
        // rows no sample block reads: half days in every such row, and one value far beyond any
        // histogram span (read as whole numbers in the span, both would score wrongly)
        boolean[] sampled = new boolean[N];
        for (int j = 0; j < 128; j++) {
            int start = (int) ((long) (N - 4096) * j / 127);
            Arrays.fill(sampled, start, start + 4096, true);
        }
        int offSpan = N - 1;
        while (sampled[offSpan]) {
            offSpan--;
        }
        freq[offSpan] = 1e7;
        check(rec, freq, mon, 5);
        for (int i = 0; i < N; i++) {
            rec[i] += sampled[i] ? 0 : 0.5;
        }
        check(rec, freq, mon, 4);
    }
}
