package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.org.Actor;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tier changes computed on Spark reach the CRM store through the tier service, in batches. */
class TierWriteBackTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    @DisplayName("rule-driven changes are written as assignments by rule, with history and events, and nothing else")
    void writesChangesThroughTheTierService() {
        SparkSession spark = SparkTestSession.get();
        List<CrmEvent> events = new ArrayList<>();
        Crm crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).listener(events::add).build();
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        job.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));
        List<Customer> customers = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        double[] scores = {95, 72, 72, 40, 10, 88, 51};
        for (int i = 0; i < scores.length; i++) {
            Customer c = job.customers().register(NewCustomer.individual("Canary Person " + (char) ('A' + i)).build());
            customers.add(c);
            rows.add(RowFactory.create(c.id().value(), scores[i]));
        }
        Dataset<Row> df = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("customer_key", DataTypes.StringType, false),
                DataTypes.createStructField("value_score", DataTypes.DoubleType, false)))).repartition(2);
        Dataset<Row> tiered = new TierAssigner().setThresholds(new String[] {"PLATINUM", "GOLD", "SILVER", "BRONZE"},
                new double[] {85, 70, 50}).setRunAtMillis(NOW.toEpochMilli()).fit(df).transform(df);

        assertThat(TierWriteBack.changes(tiered, "customer_key", "", "tier_").count()).isEqualTo(scores.length);
        long written = TierWriteBack.of(job, CoreTierSync.of(job, crm.store()), 3).write(tiered, "customer_key", "", "tier_");

        assertThat(written).isEqualTo(scores.length);
        String[] expected = {"PLATINUM", "GOLD", "GOLD", "BRONZE", "BRONZE", "PLATINUM", "SILVER"};
        for (int i = 0; i < scores.length; i++) {
            TierAssignment a = crm.store().tiers().current(CustomerId.of(customers.get(i).id().value())).orElseThrow();
            assertThat(a.tier().value()).isEqualTo(expected[i]);
            assertThat(a.reason()).startsWith("nightly tiering: first tier: score ");
        }
        assertThat(events.stream().filter(e -> e instanceof CrmEvent.TierChanged).count()).isEqualTo(scores.length);
        // a second run with the same scores changes nothing, so writes nothing
        Dataset<Row> again = tiered.selectExpr("customer_key", "value_score", "tier_code AS previous_tier");
        Dataset<Row> second = new TierAssigner().setThresholds(new String[] {"PLATINUM", "GOLD", "SILVER", "BRONZE"},
                new double[] {85, 70, 50}).setPreviousStateCols("previous_tier", "", "").setRunAtMillis(NOW.toEpochMilli())
                .fit(again).transform(again);
        assertThat(TierWriteBack.of(job, CoreTierSync.of(job, crm.store()), 3)
                .write(second, "customer_key", "previous_tier", "tier_")).isZero();
    }
}
