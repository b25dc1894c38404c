package io.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.check.Check;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.money.Money;
import io.crmkit.jpa.testing.Fixtures;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("Every database holds records at the documented maxima, and a closed store says so")
class EdgesOnDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("a snapshot of 10,000 holdings and a customer at every maximum round-trip exactly")
    void maxima(Vendor vendor) {
        try (TestDatabase db = TestDatabase.fresh(vendor, "maxima"); JpaCrmStore store = JpaCrmStore.create(db.dataSource())) {
            Customer customer = maximalCustomer("max-1");
            store.customers().save(customer);
            store.accounts().save(Fixtures.account("acc-max", "max-1", "ACC-MAX"));
            AccountSnapshot snapshot = maximalSnapshot("acc-max");
            store.accounts().saveSnapshot(snapshot);

            assertThat(store.customers().findById(customer.id())).get().usingRecursiveComparison()
                    .ignoringFields("meta").isEqualTo(customer);
            assertThat(store.accounts().latestSnapshot(snapshot.accountId(), snapshot.asOf())).contains(snapshot);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Vendor.class, names = "H2")
    @DisplayName("a closed store throws StoreException on every read, write, transaction and unwrap")
    void closedStore(Vendor vendor) {
        JpaCrmStore store = JpaCrmStore.inMemoryH2("closed_store");
        store.customers().save(Fixtures.customer("closed-1"));
        store.close();
        store.close(); // idempotent

        assertThatThrownBy(() -> store.customers().findById(io.crmkit.core.customer.CustomerId.of("closed-1")))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.customers().save(Fixtures.customer("closed-2"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.inTransaction(() -> 1)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.customers().stream(io.crmkit.core.spi.CustomerQuery.all()))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.unwrap(jakarta.persistence.EntityManagerFactory.class))
                .isInstanceOf(StoreException.class);
    }

    static Customer maximalCustomer(String id) {
        Customer base = Fixtures.customer(id);
        String source = "s".repeat(Check.MAX_SHORT);
        List<ContactPoint> points = new ArrayList<>();
        for (int p = 0; p < Customer.MAX_ITEMS; p++) {
            List<Consent> consents = new ArrayList<>();
            for (int c = 0; c < ContactPoint.MAX_CONSENTS; c++) {
                consents.add(new Consent(ConsentPurpose.values()[c % ConsentPurpose.values().length],
                        ConsentStatus.GRANTED, source, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(c)));
            }
            points.add(new ContactPoint(io.crmkit.core.customer.ContactPointType.EMAIL, "user" + p + "@example.com", null,
                    "l".repeat(64), false, consents));
        }
        Map<String, ExtensionValue> extensions = new HashMap<>();
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < Customer.MAX_ITEMS; i++) {
            extensions.put("field_" + i, ExtensionValue.text("\u5f20".repeat(ExtensionValue.MAX_TEXT)));
            tags.add(String.format("%02d", i) + "t".repeat(38));
        }
        return base.withContactPoints(points).withExtensions(extensions).withTags(tags);
    }

    static AccountSnapshot maximalSnapshot(String accountId) {
        List<Holding> holdings = new ArrayList<>();
        for (int i = 0; i < AccountSnapshot.MAX_HOLDINGS; i++) {
            holdings.add(new Holding(String.format("%032d", i), AssetClass.values()[i % AssetClass.values().length],
                    new BigDecimal("-99999999999999.999999"), Money.of("99999999999999.999999", "CNY")));
        }
        return new AccountSnapshot(io.crmkit.core.account.AccountId.of(accountId), LocalDate.of(2026, 3, 1),
                Money.of("-1.5", "CNY"), holdings);
    }
}
