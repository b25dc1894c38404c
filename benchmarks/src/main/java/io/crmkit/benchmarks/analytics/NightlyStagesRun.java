package io.crmkit.benchmarks.analytics;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.score.PointsScorecard;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.analytics.score.ValueScoreModel;
import io.crmkit.analytics.tier.TierState;
import java.util.Arrays;
import java.util.List;

/**
 * Each nightly stage and the whole job over a synthetic frame, timed outside JMH: prints the
 * median and the best of N runs per stage, which separates the code's cost from this noisy
 * machine's variance. Usage: {@code java -Xms8g -Xmx8g -XX:+UseParallelGC -cp benchmarks.jar
 * io.crmkit.benchmarks.analytics.NightlyStagesRun 10000000 25}.
 */
public final class NightlyStagesRun {

    private NightlyStagesRun() {
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        FeatureFrame frame = SyntheticFrames.nightly(n, 2026);
        NightlyJob job = NightlyJob.ofDefaults();
        TierState state = job.run(frame, TierState.empty(n), List.of(), ProgressListener.none()).tiers().nextState();
        RfmModel rfm = RfmModel.ofDefaults();
        ValueScoreModel value = ValueScoreModel.ofDefaults();
        PointsScorecard churn = Scorecards.churnDefaults();
        double[] vs = value.score(frame).scoresView();
        int runs = Integer.parseInt(a[1]);
        long[][] nanos = new long[5][runs]; // rfm, value, churn, tiers, whole job
        for (int it = 0; it < runs; it++) {
            long t0 = System.nanoTime();
            rfm.score(frame);
            long t1 = System.nanoTime();
            value.score(frame);
            long t2 = System.nanoTime();
            churn.score(frame);
            long t3 = System.nanoTime();
            job.tierEngine().run(frame.ids(), vs, state, List.of(), ProgressListener.none());
            long t4 = System.nanoTime();
            job.run(frame, state, List.of(), ProgressListener.none());
            long t5 = System.nanoTime();
            long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4};
            for (int s = 0; s < d.length; s++) {
                nanos[s][it] = d[s];
            }
        }
        for (long[] x : nanos) {
            Arrays.sort(x);
        }
        print("median", nanos, runs / 2);
        print("best", nanos, 0);
    }

    private static void print(String label, long[][] sorted, int at) {
        System.out.printf("%s ms: rfm %.1f value %.1f churn %.1f tiers %.1f job %.1f%n", label, sorted[0][at] / 1e6,
                sorted[1][at] / 1e6, sorted[2][at] / 1e6, sorted[3][at] / 1e6, sorted[4][at] / 1e6);
    }
}
