package io.crmkit.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Exact order statistics (the value at a given ascending rank) of numeric columns of a DataFrame,
 * without sorting or collecting the columns: an MSD radix selection on the values' order-preserving
 * 64-bit pattern, like crm-analytics' in-memory selection, with every level a distributed pass.
 *
 * <p>Pass one builds, per column, the 65,536-bucket histogram of the top 16 bits in every partition
 * and adds them up on the driver (about 0.5 MB per column and task). That gives the row count, and
 * so the ranks, and the bucket of every rank. A bucket holding at most {@link #GATHER_LIMIT} rows is
 * then gathered: only its values travel to the driver and are sorted there. A larger bucket gets
 * another histogram level on the next 16 bits, restricted to its prefix. Typically two passes over
 * the data settle every threshold (three for a billion rows); a full 64-bit prefix is the value
 * itself. The projected columns are persisted for the duration and released after.
 *
 * <p>Values must be finite; null, NaN and infinities are counted in pass one and refused with the
 * column's name. {@code -0.0} counts as {@code 0.0}, as in a feature frame. Not part of the public
 * API. Stateless and thread-safe.
 */
public final class DistributedSelection {

    /** Largest bucket whose values are gathered to the driver instead of refined by a histogram. */
    static final int GATHER_LIMIT = 1 << 18;
    private static final int DIGITS = 1 << 16;

    private DistributedSelection() {
    }

    /** The row count and the selected values, {@code values[c][i]} for {@code ranks[c][i]}. */
    public record Selection(long rows, double[][] values) {
    }

    /**
     * @param input   the data
     * @param columns numeric columns to select from (their names, for errors as well)
     * @param ranksOf from the row count, the 0-based ascending ranks wanted per column; a negative
     *                rank yields {@code NaN} (nothing selected)
     */
    public static Selection select(Dataset<?> input, String[] columns, LongFunction<long[][]> ranksOf) {
        Dataset<Row> projected = input.toDF().selectExpr(castAll(columns));
        projected.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return run(projected, columns, ranksOf);
        } finally {
            projected.unpersist(false);
        }
    }

    private static String[] castAll(String[] columns) {
        String[] out = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = "CAST(`" + columns[c].replace("`", "``") + "` AS DOUBLE) AS c" + c;
        }
        return out;
    }

    private static Selection run(Dataset<Row> projected, String[] columns, LongFunction<long[][]> ranksOf) {
        int cols = columns.length;
        Plan first = new Plan(cols);
        for (int c = 0; c < cols; c++) {
            first.add(c, 0, 0, false);
        }
        Result r0 = pass(projected, first);
        for (int c = 0; c < cols; c++) {
            if (r0.bad[c] > 0) {
                throw SparkChecks.invalid("column '" + columns[c] + "'", "Finite",
                        "must hold a finite number in every row (" + r0.bad[c] + " rows hold null, NaN or an infinity)");
            }
        }
        long n = 0;
        for (long h : r0.hist[0]) {
            n += h;
        }
        long[][] ranks = ranksOf.apply(n);
        List<Target> targets = new ArrayList<>();
        double[][] values = new double[cols][];
        for (int c = 0; c < cols; c++) {
            values[c] = new double[ranks[c].length];
            for (int i = 0; i < ranks[c].length; i++) {
                long rank = ranks[c][i];
                if (rank < 0) {
                    values[c][i] = Double.NaN;
                    continue;
                }
                if (rank >= n) {
                    throw new IllegalStateException("rank " + rank + " outside [0, " + n + ")");
                }
                Target t = new Target(c, i, rank);
                targets.add(t);
                t.step(r0.hist[c]);
            }
        }
        while (true) {
            Plan plan = new Plan(cols);
            Map<String, Integer> groupOf = new LinkedHashMap<>();
            for (Target t : targets) {
                if (t.done) {
                    continue;
                }
                boolean gather = t.count <= GATHER_LIMIT;
                String key = t.column + ":" + t.prefix + ":" + t.bits + ":" + gather;
                Integer g = groupOf.get(key);
                if (g == null) {
                    g = plan.add(t.column, t.prefix, t.bits, gather);
                    groupOf.put(key, g);
                }
                t.group = g;
            }
            if (plan.size() == 0) {
                break;
            }
            Result res = pass(projected, plan);
            for (Target t : targets) {
                if (t.done) {
                    continue;
                }
                if (plan.gather[t.group]) {
                    long[] keys = res.gathered[t.group];
                    long[] sorted = Arrays.copyOf(keys, keys.length);
                    Arrays.sort(sorted); // unsigned order of u = signed order of u ^ MIN_VALUE; see key()
                    t.finish(sorted[(int) t.localRank]);
                } else {
                    t.step(res.hist[t.group]);
                }
            }
        }
        for (Target t : targets) {
            values[t.column][t.index] = value(t.prefix);
        }
        return new Selection(n, values);
    }

    /** Order-preserving key, flipped so that its signed order is the value's numeric order. */
    static long key(double v) {
        long b = Double.doubleToRawLongBits(v + 0.0);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /** One requested rank and where the radix descent has got to. Keys are the signed keys. */
    private static final class Target {
        final int column;
        final int index;
        long localRank;
        long prefix;  // the top `bits` bits of the unsigned key, as a number
        int bits;
        long count;
        boolean done;
        int group;

        Target(int column, int index, long rank) {
            this.column = column;
            this.index = index;
            this.localRank = rank;
        }

        void step(long[] hist) {
            int b = 0;
            long before = 0;
            while (before + hist[b] <= localRank) {
                before += hist[b];
                b++;
            }
            localRank -= before;
            count = hist[b];
            prefix = (prefix << 16) | b;
            bits += 16;
            if (bits == 64) {
                done = true;
                prefix ^= Long.MIN_VALUE; // back from unsigned to the signed key
            }
        }

        void finish(long signedKey) {
            prefix = signedKey;
            done = true;
        }
    }

    /** The groups one pass computes: a histogram of the next digit, or the gathered keys. */
    private static final class Plan implements Serializable {
        private static final long serialVersionUID = 1L;
        final int columns;
        int[] column = new int[0];
        long[] prefix = new long[0];
        int[] bits = new int[0];
        boolean[] gather = new boolean[0];

        Plan(int columns) {
            this.columns = columns;
        }

        int add(int c, long p, int b, boolean g) {
            int n = column.length;
            column = Arrays.copyOf(column, n + 1);
            prefix = Arrays.copyOf(prefix, n + 1);
            bits = Arrays.copyOf(bits, n + 1);
            gather = Arrays.copyOf(gather, n + 1);
            column[n] = c;
            prefix[n] = p;
            bits[n] = b;
            gather[n] = g;
            return n;
        }

        int size() {
            return column.length;
        }
    }

    private static final class Result implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] bad;
        final long[][] hist;
        final long[][] gathered;
        final int[] gatheredSize;

        Result(Plan plan) {
            bad = new long[plan.columns];
            hist = new long[plan.size()][];
            gathered = new long[plan.size()][];
            gatheredSize = new int[plan.size()];
            for (int g = 0; g < plan.size(); g++) {
                if (plan.gather[g]) {
                    gathered[g] = new long[16];
                } else {
                    hist[g] = new long[DIGITS];
                }
            }
        }

        void addKey(int g, long k) {
            if (gatheredSize[g] == gathered[g].length) {
                gathered[g] = Arrays.copyOf(gathered[g], gathered[g].length * 2);
            }
            gathered[g][gatheredSize[g]++] = k;
        }

        Result trim() {
            for (int g = 0; g < gathered.length; g++) {
                if (gathered[g] != null) {
                    gathered[g] = Arrays.copyOf(gathered[g], gatheredSize[g]);
                }
            }
            return this;
        }

        Result merge(Result o) {
            for (int c = 0; c < bad.length; c++) {
                bad[c] += o.bad[c];
            }
            for (int g = 0; g < hist.length; g++) {
                if (hist[g] != null) {
                    for (int d = 0; d < DIGITS; d++) {
                        hist[g][d] += o.hist[g][d];
                    }
                } else {
                    long[] a = gathered[g];
                    long[] b = o.gathered[g];
                    long[] both = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, both, a.length, b.length);
                    gathered[g] = both;
                }
            }
            return this;
        }
    }

    private static Result pass(Dataset<Row> projected, Plan plan) {
        return projected.javaRDD().mapPartitions((Iterator<Row> rows) -> {
            Result res = new Result(plan);
            int groups = plan.size();
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int g = 0; g < groups; g++) {
                    int c = plan.column[g];
                    if (row.isNullAt(c)) {
                        if (plan.bits[g] == 0) {
                            res.bad[c]++;
                        }
                        continue;
                    }
                    double v = row.getDouble(c);
                    if (!Double.isFinite(v)) {
                        if (plan.bits[g] == 0) {
                            res.bad[c]++;
                        }
                        continue;
                    }
                    long u = key(v) ^ Long.MIN_VALUE;
                    int b = plan.bits[g];
                    if (b != 0 && (u >>> (64 - b)) != plan.prefix[g]) {
                        continue;
                    }
                    if (plan.gather[g]) {
                        res.addKey(g, u ^ Long.MIN_VALUE);
                    } else {
                        res.hist[g][(int) ((u >>> (48 - b)) & 0xFFFF)]++;
                    }
                }
            }
            return List.of(res.trim()).iterator();
        }).treeReduce(Result::merge, 2);
    }
}
