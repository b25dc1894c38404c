package io.crmkit.benchmarks.analytics;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded synthetic customer features for the analytics benchmarks. */
final class SyntheticFrames {

    /** Names of the columns the nightly job reads, in the order the plain loop reads them. */
    static final String[] NIGHTLY_COLUMNS = {
        "recency_days", "frequency", "monetary", "aum", "contribution", "tenure_days",
        "aum_change_pct", "open_complaints", "trades_change_pct", "days_since_login", "days_since_contact",
    };

    private SyntheticFrames() {
    }

    /** A frame of {@code n} customers; columns are filled in parallel, each row from its own seed. */
    static FeatureFrame nightly(int n, long seed) {
        double[][] cols = new double[NIGHTLY_COLUMNS.length][n];
        long[] ids = new long[n];
        IntStream.range(0, 64).parallel().forEach(part -> {
            int from = (int) ((long) n * part / 64);
            int to = (int) ((long) n * (part + 1) / 64);
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + part);
            for (int i = from; i < to; i++) {
                ids[i] = 10_000_000_000L + i;
                cols[0][i] = rnd.nextInt(365);
                cols[1][i] = rnd.nextInt(80);
                cols[2][i] = Math.rint(Math.exp(rnd.nextGaussian() + 8) * 100) / 100;
                cols[3][i] = Math.rint(Math.exp(rnd.nextGaussian() * 1.5 + 11) * 100) / 100;
                cols[4][i] = Math.rint(Math.exp(rnd.nextGaussian() + 6) * 100) / 100;
                cols[5][i] = rnd.nextInt(7300);
                cols[6][i] = rnd.nextDouble() * 100 - 50;
                cols[7][i] = rnd.nextInt(20) == 0 ? 1 : 0;
                cols[8][i] = rnd.nextDouble() * 200 - 100;
                cols[9][i] = rnd.nextInt(120);
                cols[10][i] = rnd.nextInt(200);
            }
        });
        FeatureFrame.Builder b = FeatureFrame.builder(n).ids(ids);
        for (int c = 0; c < NIGHTLY_COLUMNS.length; c++) {
            b.doubles(NIGHTLY_COLUMNS[c], cols[c]);
        }
        return b.build();
    }
}
