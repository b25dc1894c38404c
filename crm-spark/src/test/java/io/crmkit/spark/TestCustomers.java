package io.crmkit.spark;

import io.crmkit.analytics.feature.FeatureFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Seeded synthetic customers, as a feature frame and as a DataFrame holding the same values.
 * Values are drawn on coarse grids so that quantile and tier boundaries fall inside blocks of
 * ties: 60% never came back (frequency 0), recency in whole weeks, money in round hundreds.
 */
final class TestCustomers {

    static final List<String> TIER_LABELS = List.of("GOLD", "SILVER", "BRONZE");

    final int n;
    final long[] ids;
    final int[] recency;
    final int[] frequency;
    final double[] monetary;
    final double[] aum;
    final double[] contribution;
    final int[] tenure;
    final double[] aumChange;
    final int[] complaints;
    final double[] tradesChange;
    final int[] daysSinceLogin;
    final int[] daysSinceContact;
    final int[] age;
    final int[] tierLabel; // -1 = none

    TestCustomers(int n, long seed) {
        this.n = n;
        SplittableRandom rnd = new SplittableRandom(seed);
        ids = new long[n];
        recency = new int[n];
        frequency = new int[n];
        monetary = new double[n];
        aum = new double[n];
        contribution = new double[n];
        tenure = new int[n];
        aumChange = new double[n];
        complaints = new int[n];
        tradesChange = new double[n];
        daysSinceLogin = new int[n];
        daysSinceContact = new int[n];
        age = new int[n];
        tierLabel = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1_000_000L + i * 7L;
            recency[i] = 7 * rnd.nextInt(53);
            frequency[i] = rnd.nextDouble() < 0.6 ? 0 : 1 + rnd.nextInt(40);
            monetary[i] = frequency[i] == 0 ? 0 : 100 * rnd.nextInt(500);
            aum[i] = 1000 * Math.floor(Math.exp(rnd.nextDouble() * 14));
            contribution[i] = Math.round(rnd.nextDouble() * rnd.nextDouble() * 20_000);
            tenure[i] = rnd.nextInt(5000);
            aumChange[i] = Math.round(-60 + rnd.nextDouble() * 100);
            complaints[i] = rnd.nextDouble() < 0.1 ? 1 : 0;
            tradesChange[i] = Math.round(-100 + rnd.nextDouble() * 150);
            daysSinceLogin[i] = rnd.nextInt(120);
            daysSinceContact[i] = rnd.nextInt(200);
            age[i] = 18 + rnd.nextInt(70);
            tierLabel[i] = rnd.nextInt(4) - 1;
        }
    }

    FeatureFrame frame() {
        return FeatureFrame.builder(n).ids(ids)
                .ints("recency_days", recency.clone()).ints("frequency", frequency.clone())
                .doubles("monetary", monetary.clone()).doubles("aum", aum.clone())
                .doubles("contribution", contribution.clone()).ints("tenure_days", tenure.clone())
                .doubles("aum_change_pct", aumChange.clone()).ints("open_complaints", complaints.clone())
                .doubles("trades_change_pct", tradesChange.clone()).ints("days_since_login", daysSinceLogin.clone())
                .ints("days_since_contact", daysSinceContact.clone()).ints("age", age.clone())
                .categories("tier_label", tierLabel.clone(), TIER_LABELS)
                .build();
    }

    static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("customer_key", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("recency_days", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("frequency", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("monetary", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("aum", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("contribution", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("tenure_days", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("aum_change_pct", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("open_complaints", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("trades_change_pct", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("days_since_login", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("days_since_contact", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("age", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("tier_label", DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    Dataset<Row> dataFrame(SparkSession spark, int partitions) {
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(ids[i], "C" + ids[i], recency[i], frequency[i], monetary[i], aum[i], contribution[i],
                    tenure[i], aumChange[i], complaints[i], tradesChange[i], daysSinceLogin[i], daysSinceContact[i], age[i],
                    tierLabel[i] < 0 ? null : TIER_LABELS.get(tierLabel[i])));
        }
        return spark.createDataFrame(rows, schema()).repartition(partitions);
    }
}
