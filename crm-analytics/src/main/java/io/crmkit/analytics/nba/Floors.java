package io.crmkit.analytics.nba;

import io.crmkit.core.interaction.Channel;
import java.util.Arrays;

/**
 * Priority floors per channel for the capacity pass: a channel with a limit of L units is used up
 * by its best few L candidates, so its candidates far below them need not be pooled, sorted and
 * served. The floor is estimated from a fixed sample of rows (every {@value #STRIDE}th block of 64)
 * as the priority above which about {@code margin × L} of the channel's candidates lie; whether it
 * was low enough is checked after serving ({@link Arbitration}), and a floor that was too high
 * costs a second pass with a larger margin, never a different outcome. The sample depends on the
 * frame only, so the floors do not depend on the number of threads.
 *
 * <p>Not part of the API. Stateless.
 */
final class Floors {

    /** Margins tried in turn before serving the full pool. */
    static final double[] MARGINS = {4, 64};
    /** Every this many 64-row blocks, one is sampled. */
    static final int STRIDE = 64;

    private Floors() {
    }

    /** No floors: every candidate is pooled. */
    static double[] none() {
        double[] floor = new double[Channel.values().length];
        Arrays.fill(floor, Double.NEGATIVE_INFINITY);
        return floor;
    }

    static double[] of(NbaPlan plan, double margin) {
        double[] floor = none();
        int channels = floor.length;
        double[][] sampled = new double[channels][16];
        int[] size = new int[channels];
        long sampledRows = 0;
        int words = (plan.n + 63) >>> 6;
        long[] cand = new long[64];
        for (int w = 0; w < words; w += STRIDE) {
            Arrays.fill(cand, 0L);
            for (int j = 0; j < plan.p; j++) {
                long word = plan.pass[j][w];
                while (word != 0) {
                    cand[Long.numberOfTrailingZeros(word)] |= 1L << j;
                    word &= word - 1;
                }
            }
            int base = w << 6;
            int end = Math.min(64, plan.n - base);
            sampledRows += end;
            for (int b = 0; b < end; b++) {
                int row = base + b;
                long limited = cand[b] & plan.suitable[plan.riskLevel(row) + 1] & plan.channelCappedMask;
                while (limited != 0) {
                    int j = Long.numberOfTrailingZeros(limited);
                    limited &= limited - 1;
                    int ch = plan.channelOf[j];
                    if (size[ch] == sampled[ch].length) {
                        sampled[ch] = Arrays.copyOf(sampled[ch], size[ch] * 2);
                    }
                    sampled[ch][size[ch]++] = plan.priority(j, row);
                }
            }
        }
        if (sampledRows == 0) {
            return floor;
        }
        double fraction = sampledRows / (double) plan.n;
        for (int ch = 0; ch < channels; ch++) {
            int limit = plan.channelLimit[ch];
            if (limit < 0) {
                continue;
            }
            // keep the sample's top `wanted` and a few more: below the floor lie only candidates that
            // the sample says come after about margin x limit others of their channel
            long wanted = (long) Math.ceil(margin * limit * fraction) + 8;
            if (wanted >= size[ch]) {
                continue;
            }
            double[] pri = Arrays.copyOf(sampled[ch], size[ch]);
            Arrays.sort(pri);
            floor[ch] = pri[size[ch] - 1 - (int) wanted];
        }
        return floor;
    }
}
