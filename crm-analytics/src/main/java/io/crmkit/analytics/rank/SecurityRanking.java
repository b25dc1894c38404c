package io.crmkit.analytics.rank;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks securities by holders, value held and traded value, from holding snapshot rows and trade
 * rows collected with {@link #builder()}.
 *
 * <pre>{@code
 * SecurityRanking r = SecurityRanking.builder()
 *     .holding(customerId, "600519", marketValue)
 *     .trade("600519", tradedValue)
 *     .build();
 * List<SecurityStats> top = r.top(SecurityMetric.HOLDERS, 10);
 * }</pre>
 *
 * <p>A holder with several accounts in one security counts once; positions with value 0 or less
 * add to the value but not to the holder count. Ties rank by security code. Immutable and
 * thread-safe.
 */
public final class SecurityRanking {

    private final List<SecurityStats> stats;

    private SecurityRanking(List<SecurityStats> stats) {
        this.stats = stats;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All securities, by code. */
    public List<SecurityStats> all() {
        return stats;
    }

    /** The top {@code n} (1 to 1,000,000) securities by {@code metric}, ties by code. */
    public List<SecurityStats> top(SecurityMetric metric, int n) {
        Checks.notNull(metric, "metric");
        Checks.between(n, 1, 1_000_000, "n");
        List<SecurityStats> sorted = new ArrayList<>(stats);
        sorted.sort(Comparator.comparingDouble((SecurityStats s) -> -s.metric(metric))
                .thenComparing(SecurityStats::security));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    @Override
    public String toString() {
        return "SecurityRanking[securities=" + stats.size() + "]";
    }

    /** Collects rows into primitive arrays. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private int[] hSec = new int[1024];
        private long[] hHolder = new long[1024];
        private double[] hValue = new double[1024];
        private int holdings;
        private double[] traded = new double[64];

        private Builder() {
        }

        public Builder holding(long holderId, String security, double marketValue) {
            int s = security(security);
            Checks.finite(marketValue, "holding.marketValue");
            if (holdings == hSec.length) {
                hSec = Arrays.copyOf(hSec, holdings * 2);
                hHolder = Arrays.copyOf(hHolder, holdings * 2);
                hValue = Arrays.copyOf(hValue, holdings * 2);
            }
            hSec[holdings] = s;
            hHolder[holdings] = holderId;
            hValue[holdings] = marketValue;
            holdings++;
            return this;
        }

        public Builder trade(String security, double tradedValue) {
            int s = security(security);
            if (!(tradedValue >= 0) || Double.isInfinite(tradedValue)) {
                throw Checks.invalid("trade.tradedValue", "must be a finite number at least 0");
            }
            traded[s] += tradedValue;
            return this;
        }

        private int security(String code) {
            Checks.text(code, 40, "security");
            Integer s = index.get(code);
            if (s == null) {
                s = codes.size();
                index.put(code, s);
                codes.add(code);
                if (s == traded.length) {
                    traded = Arrays.copyOf(traded, s * 2);
                }
            }
            return s;
        }

        public SecurityRanking build() {
            int k = codes.size();
            // Counting sort of holding rows by security, then distinct holders per security.
            int[] start = new int[k + 1];
            double[] value = new double[k];
            for (int i = 0; i < holdings; i++) {
                start[hSec[i] + 1]++;
                value[hSec[i]] += hValue[i];
            }
            for (int s = 0; s < k; s++) {
                start[s + 1] += start[s];
            }
            long[] holders = new long[holdings];
            int[] fill = Arrays.copyOf(start, k);
            for (int i = 0; i < holdings; i++) {
                if (hValue[i] > 0) {
                    holders[fill[hSec[i]]++] = hHolder[i];
                }
            }
            List<SecurityStats> out = new ArrayList<>(k);
            for (int s = 0; s < k; s++) {
                int from = start[s];
                int to = fill[s];
                Arrays.sort(holders, from, to);
                int distinct = 0;
                for (int i = from; i < to; i++) {
                    distinct += i == from || holders[i] != holders[i - 1] ? 1 : 0;
                }
                out.add(new SecurityStats(codes.get(s), distinct, value[s], traded[s]));
            }
            out.sort(Comparator.comparing(SecurityStats::security));
            return new SecurityRanking(List.copyOf(out));
        }
    }
}
