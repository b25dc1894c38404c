package io.crmkit.spark.bench;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
import io.crmkit.analytics.tier.TierState;
import io.crmkit.spark.RfmScorer;
import io.crmkit.spark.RfmScorerModel;
import io.crmkit.spark.ScorecardScorer;
import io.crmkit.spark.TierAssigner;
import io.crmkit.spark.TierAssignerModel;
import io.crmkit.spark.ValueScorer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The scale run of crm-spark (run by hand, never by verify): the nightly chain (RFM fitted and
 * scored, value, churn, percentile tiers fitted and assigned) over N generated customers on
 * Spark in local mode, for each master and partition count, against the in-memory
 * {@link NightlyJob} on the same data in the same JVM (the baseline of the ratio).
 *
 * <p>Data: every value is a pure function of the row id (SplitMix64), so the DataFrame (generated
 * inside the partitions, never collected) and the in-memory frame hold the same customers.
 *
 * <pre>
 * ./mvnw -B -q -pl crm-spark -am test-compile
 * ./mvnw -B -q -pl crm-spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx8g $(spark argLine flags) -cp crm-spark/target/test-classes:crm-spark/target/classes:$(cat /tmp/cp.txt) \
 *     io.crmkit.spark.bench.SparkScaleRun 10000000 local[1],local[2] 1,2,4,8 [skip-memory|memory] [reps] [scores-only]
 * </pre>
 */
public final class SparkScaleRun {

    /** Whether the Spark stages add the reason columns (the in-memory nightly computes reasons on request). */
    private static boolean reasons = true;

    private SparkScaleRun() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        String[] masters = (args.length > 1 ? args[1] : "local[1],local[2]").split(",");
        String[] parts = (args.length > 2 ? args[2] : "1,2,4,8").split(",");
        boolean inMemory = args.length <= 3 || !"skip-memory".equals(args[3]);
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        reasons = args.length <= 5 || !"scores-only".equals(args[5]);
        System.out.printf(Locale.ROOT, "rows=%d cores=%d maxHeap=%dMB%n", n, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (inMemory) {
            inMemory(n, reps);
        }
        for (String master : masters) {
            SparkSession spark = SparkSession.builder().master(master).appName("crm-spark-scale")
                    .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "8")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            for (String p : parts) {
                spark(spark, master, n, Integer.parseInt(p), reps);
            }
            spark.stop();
        }
    }

    private static void inMemory(int n, int reps) {
        double[][] cols = new double[COLUMNS.length][n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            double[] row = Data.row(i);
            for (int c = 0; c < cols.length; c++) {
                cols[c][i] = row[c];
            }
        }
        FeatureFrame.Builder b = FeatureFrame.builder(n).ids(ids);
        for (int c = 0; c < cols.length; c++) {
            b.doubles(COLUMNS[c], cols[c]);
        }
        FeatureFrame frame = b.build();
        for (int rep = 0; rep < reps; rep++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            NightlyResult night = NightlyJob.ofDefaults().run(frame, TierState.empty(n), List.of(), ProgressListener.none());
            long t1 = System.nanoTime();
            long c1 = cpu();
            long chars = 0;
            for (int i = 0; reasons && i < n; i++) {
                chars += night.rfm().reasons(i).size() + night.value().reasons(i).size() + night.churn().reasons(i).size();
            }
            long t2 = System.nanoTime();
            long c2 = cpu();
            System.out.printf(Locale.ROOT, "in-memory rep=%d nightly=%.2fs (cpu %.2fs) reasonsForEveryRow=%.2fs (cpu %.2fs) [%d]%n",
                    rep, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, chars);
        }
    }

    private static void spark(SparkSession spark, String master, int n, int partitions, int reps) {
        for (int rep = 0; rep < reps; rep++) {
            Dataset<Row> src = source(spark, n, partitions);
            long c0 = cpu();
            long t0 = System.nanoTime();
            RfmScorerModel rfm = new RfmScorer().setReasons(reasons).fit(src);
            long t1 = System.nanoTime();
            TierAssignerModel tiers = new TierAssigner().setRunAtMillis(0).fit(new ValueScorer().transform(src));
            long t2 = System.nanoTime();
            Dataset<Row> out = tiers.transform(new ScorecardScorer().setReasons(reasons)
                    .transform(new ValueScorer().setReasons(reasons).transform(rfm.transform(src))));
            out.write().format("noop").mode("overwrite").save();
            long t3 = System.nanoTime();
            long c3 = cpu();
            System.out.printf(Locale.ROOT,
                    "spark master=%s partitions=%d reasons=%s rep=%d rfmFit=%.2fs tierFit=%.2fs score=%.2fs total=%.2fs (cpu %.2fs)%n",
                    master, partitions, reasons, rep, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9,
                    (c3 - c0) / 1e9);
        }
    }

    /** CPU time of the whole process: with the machine shared, wall time alone says little. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static final String[] COLUMNS = {"recency_days", "frequency", "monetary", "aum", "contribution", "tenure_days",
        "aum_change_pct", "open_complaints", "trades_change_pct", "days_since_login", "days_since_contact"};

    private static Dataset<Row> source(SparkSession spark, int n, int partitions) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        for (String c : COLUMNS) {
            fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        }
        StructType schema = DataTypes.createStructType(fields);
        MapPartitionsFunction<Long, Row> gen = ids -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public Row next() {
                long id = ids.next();
                double[] r = Data.row(id);
                Object[] v = new Object[r.length + 1];
                v[0] = id;
                for (int c = 0; c < r.length; c++) {
                    v[c + 1] = r[c];
                }
                return RowFactory.create(v);
            }
        };
        return spark.range(0, n, 1, partitions).as(Encoders.LONG()).mapPartitions(gen, Encoders.row(schema));
    }

    /** The generator: values as a pure function of the id. */
    static final class Data {
        private Data() {
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        static double u(long id, int k) {
            return (mix(id * 31 + k + 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
        }

        static double[] row(long id) {
            double freq = u(id, 1) < 0.6 ? 0 : 1 + Math.floor(u(id, 2) * 40);
            return new double[] {
                7 * Math.floor(u(id, 0) * 53),
                freq,
                freq == 0 ? 0 : Math.round(Math.exp(u(id, 3) * 12) * 100) / 100.0,
                1000 * Math.floor(Math.exp(u(id, 4) * 14)),
                Math.round(u(id, 5) * u(id, 6) * 20_000 * 100) / 100.0,
                Math.floor(u(id, 7) * 5000),
                Math.round(-60 + u(id, 8) * 100),
                u(id, 9) < 0.1 ? 1 : 0,
                Math.round(-100 + u(id, 10) * 150),
                Math.floor(u(id, 11) * 120),
                Math.floor(u(id, 12) * 200)};
        }
    }
}
