package io.crmkit.benchmarks.analytics;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.score.PointsScorecard;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.Scorecards;
import io.crmkit.analytics.score.ValueScoreModel;
import io.crmkit.analytics.tier.TierState;
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
        RfmModel rfm = RfmModel.ofDefaults(); ValueScoreModel value = ValueScoreModel.ofDefaults(); PointsScorecard churn = Scorecards.churnDefaults();
        double[] vs = value.score(frame).scoresView();
        long[] best = new long[5]; java.util.Arrays.fill(best, Long.MAX_VALUE); int R = Integer.parseInt(a[1]); long[][] all = new long[5][R];
        for (int it = 0; it < Integer.parseInt(a[1]); it++) {
            long t0 = System.nanoTime(); rfm.score(frame);
            long t1 = System.nanoTime(); value.score(frame);
            long t2 = System.nanoTime(); churn.score(frame);
            long t3 = System.nanoTime(); job.tierEngine().run(frame.ids(), vs, state, List.of(), ProgressListener.none());
            long t4 = System.nanoTime(); job.run(frame, state, List.of(), ProgressListener.none());
            long t5 = System.nanoTime();
            long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4};
            for (int i = 0; i < 5; i++) { best[i] = Math.min(best[i], d[i]); all[i][it] = d[i]; }
        }
        for (long[] x : all) java.util.Arrays.sort(x);
        System.out.printf("median ms: rfm %.1f value %.1f churn %.1f tiers %.1f job %.1f%n", all[0][R/2] / 1e6, all[1][R/2] / 1e6, all[2][R/2] / 1e6, all[3][R/2] / 1e6, all[4][R/2] / 1e6);
        System.out.printf("best ms: rfm %.1f value %.1f churn %.1f tiers %.1f job %.1f%n", best[0] / 1e6, best[1] / 1e6, best[2] / 1e6, best[3] / 1e6, best[4] / 1e6);
    }
}
