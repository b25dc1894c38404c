package io.crmkit.spark;

import io.crmkit.analytics.concentration.Concentration;
import io.crmkit.analytics.concentration.ParetoPoint;
import io.crmkit.spark.internal.SparkChecks;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Concentration of a value (revenue, assets, contribution) over the customers of a DataFrame, with
 * the definitions of crm-analytics' {@link Concentration}: the share of the total brought by the
 * top {@code ceil(x * n)} customers, the smallest share of customers bringing a share of the total,
 * the Pareto curve, and the Gini coefficient {@code sum_i (2i - n - 1) x_(i) / (n * sum x)}.
 *
 * <p>Distributed as counts per distinct value: the values are reduced to (value, count) pairs and
 * range-sorted, one pass gives each partition's count and sum (so every partition knows the count
 * and sum of all larger values), and one more pass adds up the Gini terms of each block of equal
 * values ({@code c (n - 2a - c) v} for {@code c} copies of {@code v} after {@code a} larger values)
 * and answers the requested shares where they fall. Sums run in another order than in memory, so
 * results agree with {@link Concentration} to rounding (about 1e-12 relative), not to the bit.
 *
 * <pre>{@code
 * ConcentrationSummary c = SparkConcentration.of(customers, "contribution").topShares(0.04).valueShares(0.8).compute();
 * c.shareOfTop().get(0.04); c.customerShareFor().get(0.8); c.gini(); c.paretoCurve();
 * }</pre>
 * Not thread-safe while being configured.
 */
public final class SparkConcentration {

    private final Dataset<?> data;
    private final String column;
    private double[] topShares = new double[0];
    private double[] valueShares = new double[0];
    private int curvePoints = 100;

    private SparkConcentration(Dataset<?> data, String column) {
        this.data = data;
        this.column = column;
    }

    /** @param column a numeric column, every value finite and at least 0 */
    public static SparkConcentration of(Dataset<?> data, String column) {
        if (data == null) {
            throw SparkChecks.invalid("data", "NotNull", "must not be null");
        }
        SparkChecks.numericColumn(data.schema(), column, "column");
        return new SparkConcentration(data, column);
    }

    /** Customer shares (0 to 1) whose share of the total to report. */
    public SparkConcentration topShares(double... shares) {
        this.topShares = checkShares(shares, "customerShare");
        return this;
    }

    /** Shares of the total (0 to 1) for which to report the smallest share of customers. */
    public SparkConcentration valueShares(double... shares) {
        this.valueShares = checkShares(shares, "valueShare");
        return this;
    }

    /** Points of the Pareto curve (1 to 10,000); default 100, giving 101 points. */
    public SparkConcentration curvePoints(int points) {
        if (points < 1 || points > 10_000) {
            throw SparkChecks.invalid("points", "Range", "must be between 1 and 10000 (was " + points + ")");
        }
        this.curvePoints = points;
        return this;
    }

    private static double[] checkShares(double[] shares, String field) {
        if (shares == null || shares.length > 10_000) {
            throw SparkChecks.invalid(field, "Size", "must be given, at most 10000 of them");
        }
        for (double s : shares) {
            if (!(s >= 0 && s <= 1)) {
                throw SparkChecks.invalid(field, "Range", "must be between 0.0 and 1.0 (was " + s + ")");
            }
        }
        return shares.clone();
    }

    /** Runs the jobs (one check, one sort of the distinct values, two passes over them). */
    public ConcentrationSummary compute() {
        Dataset<Row> v = data.toDF().select(functions.col("`" + column.replace("`", "``") + "`").cast("double").as("v"));
        Row bad = v.agg(functions.sum(functions.when(functions.col("v").isNull()
                .or(functions.isnan(functions.col("v"))).or(functions.col("v").lt(0))
                .or(functions.col("v").equalTo(Double.POSITIVE_INFINITY)), 1).otherwise(0))).first();
        if (!bad.isNullAt(0) && bad.getLong(0) > 0) {
            throw SparkChecks.invalid("column '" + column + "'", "Range",
                    "must hold a finite number at least 0 in every row (" + bad.getLong(0) + " rows do not)");
        }
        JavaPairRDD<Double, Long> blocks = v.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getDouble(0) + 0.0, 1L))
                .reduceByKey(Long::sum)
                .sortByKey(false);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return summarise(blocks);
        } finally {
            blocks.unpersist(false);
        }
    }

    private ConcentrationSummary summarise(JavaPairRDD<Double, Long> blocks) {
        List<double[]> parts = blocks.mapPartitionsWithIndex((idx, it) -> {
            long c = 0;
            double s = 0;
            while (it.hasNext()) {
                Tuple2<Double, Long> b = it.next();
                c += b._2();
                s += b._1() * b._2();
            }
            return List.of(new double[] {idx, c, s}).iterator();
        }, true).collect();
        int p = blocks.getNumPartitions();
        long[] countBefore = new long[p + 1];
        double[] sumBefore = new double[p + 1];
        double[][] byIndex = new double[p][];
        for (double[] part : parts) {
            byIndex[(int) part[0]] = part;
        }
        for (int i = 0; i < p; i++) {
            countBefore[i + 1] = countBefore[i] + (long) byIndex[i][1];
            sumBefore[i + 1] = sumBefore[i] + byIndex[i][2];
        }
        long n = countBefore[p];
        double total = sumBefore[p];
        if (n == 0 || !(total > 0)) {
            throw SparkChecks.invalid("column '" + column + "'", "Total", "must have a positive total");
        }
        double[] curveShares = new double[curvePoints + 1];
        for (int i = 0; i <= curvePoints; i++) {
            curveShares[i] = (double) i / curvePoints;
        }
        double[] allShares = concat(curveShares, topShares);
        long[] ks = new long[allShares.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = BigDecimal.valueOf(allShares[i]).multiply(BigDecimal.valueOf(n))
                    .setScale(0, RoundingMode.CEILING).longValueExact();
        }
        double[] targets = new double[valueShares.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = valueShares[i] * total;
        }
        Pass pass = new Pass(n, countBefore, sumBefore, ks, targets);
        double[] prefixAt = new double[ks.length];
        long[] kFor = new long[targets.length];
        double weighted = 0;
        for (Pass.Out o : blocks.mapPartitionsWithIndex(pass::run, true).collect()) {
            weighted += o.weighted;
            for (int i = 0; i < ks.length; i++) {
                prefixAt[i] += o.prefixAt[i];
            }
            for (int i = 0; i < targets.length; i++) {
                kFor[i] = Math.max(kFor[i], o.kFor[i]);
            }
        }
        List<ParetoPoint> curve = new ArrayList<>();
        for (int i = 0; i <= curvePoints; i++) {
            curve.add(new ParetoPoint(curveShares[i], prefixAt[i] / total));
        }
        Map<Double, Double> top = new LinkedHashMap<>();
        for (int i = 0; i < topShares.length; i++) {
            top.put(topShares[i], prefixAt[curvePoints + 1 + i] / total);
        }
        Map<Double, Double> customers = new LinkedHashMap<>();
        for (int i = 0; i < targets.length; i++) {
            customers.put(valueShares[i], (double) kFor[i] / n);
        }
        return new ConcentrationSummary(n, total, weighted / (n * total), curve, top, customers);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The second pass over the sorted blocks of one partition. */
    private record Pass(long n, long[] countBefore, double[] sumBefore, long[] ks, double[] targets)
            implements Serializable {

        record Out(double weighted, double[] prefixAt, long[] kFor) implements Serializable {
        }

        java.util.Iterator<Out> run(int idx, java.util.Iterator<Tuple2<Double, Long>> it) {
            long a = countBefore[idx];
            double s = sumBefore[idx];
            double weighted = 0;
            double[] prefixAt = new double[ks.length];
            long[] kFor = new long[targets.length];
            while (it.hasNext()) {
                Tuple2<Double, Long> b = it.next();
                double v = b._1();
                long c = b._2();
                weighted += (double) c * (double) (n - 2 * a - c) * v;
                for (int i = 0; i < ks.length; i++) {
                    if (ks[i] > a && ks[i] <= a + c) {
                        prefixAt[i] = s + (ks[i] - a) * v;
                    }
                }
                double end = s + c * v;
                for (int i = 0; i < targets.length; i++) {
                    double t = targets[i];
                    if (t > s && t <= end && v > 0) {
                        long k = a + (long) Math.ceil((t - s) / v);
                        kFor[i] = Math.min(a + c, Math.max(a + 1, k));
                    }
                }
                a += c;
                s = end;
            }
            return List.of(new Out(weighted, prefixAt, kFor)).iterator();
        }
    }
}
