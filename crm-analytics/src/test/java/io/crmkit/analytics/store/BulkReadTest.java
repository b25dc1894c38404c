package io.crmkit.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.task.TaskStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The feature reader over 2,500 customers (three batches): no per-customer look-up, and the same
 * frame from a store that has only the SPI's default batch methods; the batch methods themselves
 * against their one-id counterparts.
 */
class BulkReadTest {

    static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    static final int N = 2_500;

    static void fill(CrmStore store) {
        SplittableRandom rnd = new SplittableRandom(11);
        Meta meta = Meta.created(NOW.minusSeconds(86_400L * 400), "test");
        for (int i = 0; i < N; i++) {
            CustomerId id = CustomerId.of(String.format("C%06d", i));
            store.customers().save(new Customer(id, CustomerType.INDIVIDUAL, CustomerName.of("Canary " + i), List.of(),
                    null, Profile.EMPTY.withRiskTolerance(RiskTolerance.values()[i % 5]),
                    i % 4 == 0 ? LifecycleStage.PROSPECT : LifecycleStage.ACTIVE, List.of(), null, null, null, Set.of(),
                    List.of(), Map.of(), meta));
            AccountId acc = AccountId.of(String.format("A%06d", i));
            store.accounts().save(new LinkedAccount(acc, id, "trading", "X" + i, ProductLine.BROKERAGE,
                    i % 7 == 0 ? AccountRole.AUTHORISED : AccountRole.OWNER, AccountStatus.OPEN,
                    Money.currency("CNY"), null, null, null, meta));
            store.accounts().saveSnapshot(new AccountSnapshot(acc, LocalDate.of(2025, 12, 31),
                    Money.of(BigDecimal.valueOf(rnd.nextInt(100_000)), Money.currency("CNY")), List.of()));
            store.accounts().saveSnapshot(new AccountSnapshot(acc, LocalDate.of(2026, 3, 30),
                    Money.of(BigDecimal.valueOf(rnd.nextInt(100_000)), Money.currency("CNY")),
                    List.of(new Holding("600519", AssetClass.EQUITY, BigDecimal.ONE,
                            Money.of(BigDecimal.valueOf(rnd.nextInt(50_000)), Money.currency("CNY"))))));
            if (i % 4 == 0 && i > 0) {
                store.relationships().save(new Relationship(RelationshipId.of(String.format("R%06d", i)), id,
                        CustomerId.of(String.format("C%06d", i - 1)), RelationshipType.REFERRED_BY, null, null, meta));
            }
            for (int t = 0; t < i % 3; t++) {
                store.tasks().save(new Task(TaskId.of(String.format("T%06d-%d", i, t)), "Call back", null,
                        StaffId.of("rm-1"), null, null, TaskPriority.NORMAL, t == 0 ? TaskStatus.OPEN : TaskStatus.DONE,
                        id, null, t == 0 ? null : NOW, meta));
            }
        }
    }

    static StoreFeatureReader reader() {
        return StoreFeatureReader.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    @DisplayName("the reader makes no per-customer query and reports each stage")
    void noPerCustomerQuery() {
        SpiProbe probe = new SpiProbe(InMemoryCrmStore.create(), false);
        fill(probe.store());
        probe.reset();
        List<String> stages = Collections.synchronizedList(new ArrayList<>());
        FeatureFrame f = reader().read(probe.store(), (stage, done, total) -> stages.add(stage));
        assertThat(probe.perCustomerCalls()).isZero();
        assertThat(stages).contains("customers", "referrals", "accounts", "interactions", "tasks");
        assertThat(f.size()).isEqualTo(N);
        assertThat(f.ints("referred")[4]).isEqualTo(1);                 // prospect C000004 referred by C000003
        assertThat(f.ints("referred")[0]).isZero();                     // prospect without a referrer
        assertThat(f.ints("open_tasks")[2]).isEqualTo(1);               // one open, one done
        assertThat(f.ints("accounts")[7]).isZero();                     // authorised only
        assertThat(f.categoryLevels("risk_tolerance")).containsExactly("CONSERVATIVE", "CAUTIOUS", "BALANCED", "GROWTH",
                "AGGRESSIVE");
        assertThat(f.categoryCodes("risk_tolerance")[3]).isEqualTo(3);
    }

    @Test
    @DisplayName("a store with only the default batch methods gives the same frame")
    void defaultsGiveTheSameFrame() {
        SpiProbe own = new SpiProbe(InMemoryCrmStore.create(), false);
        SpiProbe defaults = new SpiProbe(InMemoryCrmStore.create(), true);
        fill(own.store());
        fill(defaults.store());
        FeatureFrame a = reader().read(own.store(), ProgressListener.none());
        FeatureFrame b = reader().read(defaults.store(), ProgressListener.none());
        assertThat(b.featureNames()).isEqualTo(a.featureNames());
        for (String feature : a.featureNames()) {
            switch (a.type(feature)) {
                case DOUBLE -> assertThat(b.doubles(feature)).as(feature).containsExactly(a.doubles(feature));
                case INT -> assertThat(b.ints(feature)).as(feature).containsExactly(a.ints(feature));
                case CATEGORY -> assertThat(b.categoryCodes(feature)).as(feature).containsExactly(a.categoryCodes(feature));
                default -> assertThat(b.longs(feature)).as(feature).containsExactly(a.longs(feature));
            }
        }
    }

    @Test
    @DisplayName("batch look-ups equal their one-id counterparts and refuse oversized batches")
    void batchesEqualSingleLookups() {
        CrmStore store = InMemoryCrmStore.create();
        fill(store);
        List<CustomerId> ids = new ArrayList<>();
        List<Relationship> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CustomerId id = CustomerId.of(String.format("C%06d", i));
            ids.add(id);
            store.relationships().findByCustomer(id).stream().filter(r -> !expected.contains(r)).forEach(expected::add);
        }
        ids.add(ids.get(0)); // a repeated id counts once
        expected.sort(java.util.Comparator.comparing(Relationship::id));
        assertThat(store.relationships().findByCustomers(ids)).containsExactlyElementsOf(expected);
        assertThat(store.tasks().findByCustomers(ids)).hasSize(39); // 0+1+2 per three customers, 40 customers
        List<AccountId> accounts = List.of(AccountId.of("A000001"), AccountId.of("A000002"), AccountId.of("NONE"));
        assertThat(store.accounts().latestSnapshotsOf(accounts, LocalDate.of(2026, 1, 1)))
                .containsOnlyKeys(AccountId.of("A000001"), AccountId.of("A000002"))
                .containsEntry(AccountId.of("A000001"),
                        store.accounts().latestSnapshot(AccountId.of("A000001"), LocalDate.of(2026, 1, 1)).orElseThrow());
        List<CustomerId> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(CustomerId.of(String.format("C%06d", i)));
        }
        assertThatThrownBy(() -> store.relationships().findByCustomers(tooMany)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerIds");
        List<CustomerId> withNull = new ArrayList<>(List.of(ids.get(0)));
        withNull.add(null);
        assertThatThrownBy(() -> store.tasks().findByCustomers(withNull)).isInstanceOf(ValidationException.class);
    }
}
