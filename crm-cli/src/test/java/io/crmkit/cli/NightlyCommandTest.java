package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.jpa.JpaCrmStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm-cli nightly} over an H2 file seeded with a small brokerage book, and the same night in memory. */
class NightlyCommandTest {
    static final Instant NOW = Instant.parse("2026-03-31T23:00:00Z");
    static final int CUSTOMERS = 120;

    @TempDir Path dir;

    /** Seeds the book through the services; returns the customer ids in order. */
    static List<String> seed(CrmStore store) {
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        CrmSession job = crm.as(Actor.system("seed"));
        job.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));
        SplittableRandom rnd = new SplittableRandom(8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer c = job.customers().register(NewCustomer.individual("Customer " + i)
                    .birthDate(LocalDate.of(1950 + rnd.nextInt(55), 6, 1)).active().build());
            ids.add(c.id().value());
            LinkedAccount a = job.accounts().link(NewAccount.of(c.id(), "trading", "T" + i, ProductLine.BROKERAGE,
                    Money.currency("CNY")));
            long before = 10_000 + rnd.nextInt(2_000_000);
            long after = (long) (before * (0.5 + rnd.nextDouble()));
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2025, 12, 31),
                    Money.of(BigDecimal.valueOf(before), Money.currency("CNY")), List.of()));
            job.accounts().recordSnapshot(new AccountSnapshot(a.id(), LocalDate.of(2026, 3, 31),
                    Money.of(BigDecimal.valueOf(after / 2), Money.currency("CNY")),
                    List.of(new Holding("600519", AssetClass.EQUITY, BigDecimal.TEN,
                            Money.of(BigDecimal.valueOf(after - after / 2), Money.currency("CNY"))))));
            for (int k = 0; k < rnd.nextInt(5); k++) {
                job.interactions().record(NewInteraction.of(c.id(), k % 2 == 0 ? Channel.APP : Channel.PHONE,
                        k % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND).at(NOW.minusSeconds(86_400L * rnd.nextInt(120)))
                        .subject("Contact").outcome(rnd.nextInt(6) == 0 ? Outcome.COMPLAINT : Outcome.COMPLETED).build());
            }
        }
        return ids;
    }

    private JpaCrmStore h2(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0"); // as StoreOptions opens it
        ds.setUser("sa");
        return JpaCrmStore.create(ds);
    }

    @Test
    @DisplayName("nightly over an H2 file: every customer scored and tiered, changes written; a second night writes none; memory agrees")
    void nightlyOnH2File() throws Exception {
        Path db = dir.resolve("crm");
        List<String> ids;
        try (JpaCrmStore store = h2(db)) {
            ids = seed(store);
        }
        Path rows = dir.resolve("night.csv");
        JsonNode first = AnalyticsCommandsTest.json(CrmCliTest.cli("nightly", "--h2", db.toString(), "--as-of", "2026-03-31",
                "--out", rows.toString()));
        assertThat(first.get("customers").asInt()).isEqualTo(CUSTOMERS);
        Map<String, Integer> tiers = new TreeMap<>();
        first.get("tiers").fields().forEachRemaining(e -> tiers.put(e.getKey(), e.getValue().asInt()));
        // top 4% / next 11% / next 25% / the rest, of 120 customers
        assertThat(tiers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CUSTOMERS);
        assertThat(tiers).containsKeys("PLATINUM", "GOLD", "SILVER", "BRONZE");
        assertThat(first.get("tierChangesWritten").asInt()).isEqualTo(CUSTOMERS); // nobody had a tier before
        assertThat(first.get("hostFeaturesMissing").toString()).contains("contribution", "monetary", "trades_change_pct");
        List<String> lines = Files.readAllLines(rows);
        assertThat(lines).hasSize(CUSTOMERS + 1);
        assertThat(lines.get(0)).isEqualTo("id,tier,value_score,churn_points,churn_band");

        try (JpaCrmStore store = h2(db)) {
            Crm crm = Crm.builder().store(store).build();
            String line = lines.get(1);
            String tier = line.split(",")[1];
            assertThat(crm.as(Actor.system("check")).tiers().current(io.crmkit.core.customer.CustomerId.of(line.split(",")[0]))
                    .orElseThrow().tier().value()).isEqualTo(tier);
        }
        JsonNode second = AnalyticsCommandsTest.json(CrmCliTest.cli("nightly", "--h2", db.toString(), "--as-of", "2026-03-31"));
        assertThat(second.get("tierChangesWritten").asInt()).isZero();
        assertThat(second.get("tiers")).isEqualTo(first.get("tiers"));

        // the same book in memory gives the same night
        InMemoryCrmStore memory = InMemoryCrmStore.create();
        seed(memory);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        NightlyCommand.Night night = NightlyCommand.run(Crm.builder().store(memory).clock(clock).build(),
                Actor.system("crm-cli"), clock, null, true);
        assertThat(night.frame().size()).isEqualTo(CUSTOMERS);
        assertThat(night.result().tiers().countByTier()).isEqualTo(tiers);
        assertThat(night.written()).isEqualTo(CUSTOMERS);
        assertThat(ids).hasSize(CUSTOMERS);
    }

    @Test
    @DisplayName("nightly with host features: the named ones are used, the others reported missing; --dry-run writes nothing")
    void hostFeaturesAndDryRun() throws Exception {
        Path db = dir.resolve("crm");
        List<String> ids;
        try (JpaCrmStore store = h2(db)) {
            ids = seed(store);
        }
        StringBuilder csv = new StringBuilder("id,contribution\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i)).append(',').append(i * 100).append('\n');
        }
        Path host = dir.resolve("ledger.csv");
        Files.writeString(host, csv);
        JsonNode out = AnalyticsCommandsTest.json(CrmCliTest.cli("nightly", "--h2", db.toString(), "--as-of", "2026-03-31",
                "--host-features", host.toString(), "--dry-run"));
        assertThat(out.get("hostFeaturesMissing").toString()).doesNotContain("contribution").contains("monetary");
        assertThat(out.get("tierChanges").asInt()).isEqualTo(CUSTOMERS);
        assertThat(out.get("tierChangesWritten").asInt()).isZero();
        try (JpaCrmStore store = h2(db)) {
            assertThat(store.tiers().current(io.crmkit.core.customer.CustomerId.of(ids.get(0)))).isEmpty();
        }
    }

    @Test
    @DisplayName("nightly: a bad date, zone or host file is refused naming the option; no store option is a usage error")
    void errors() throws Exception {
        String db = dir.resolve("crm").toString();
        CrmCliTest.Result date = CrmCliTest.cli("nightly", "--h2", db, "--as-of", "31/03/2026");
        assertThat(date.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(date.err()).contains("--as-of");
        assertThat(CrmCliTest.cli("nightly", "--h2", db, "--zone", "Mars/Base").err()).contains("--zone");
        Path host = dir.resolve("host.csv");
        Files.writeString(host, "contribution\n1\n");
        assertThat(CrmCliTest.cli("nightly", "--h2", db, "--host-features", host.toString()).err())
                .contains("--host-features").contains("id column");
        CrmCliTest.Result noStore = CrmCliTest.cli("nightly");
        assertThat(noStore.code()).isEqualTo(CrmCli.USAGE);
        assertThat(noStore.err()).contains("--h2");
    }
}
