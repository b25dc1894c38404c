package io.crmkit.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.Actor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Baskets read from the in-memory reference store through the SPI. */
class StoreBasketsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);

    private final Crm crm = Crm.builder().clock(CLOCK).build();
    private final CrmSession job = crm.as(Actor.system("basket-test"));
    private int accounts;

    private LinkedAccount link(Customer c, ProductLine line, AccountRole role) {
        return job.accounts().link(new NewAccount(c.id(), "host", "A-" + accounts++, line, role,
                Money.currency("CNY"), null, null));
    }

    @Test
    @DisplayName("one basket per customer from owned and joint accounts' product lines, closed and authorised left out")
    void productLines() {
        Customer a = job.customers().register(NewCustomer.individual("Canary Person A").build());
        Customer b = job.customers().register(NewCustomer.individual("Canary Person B").build());
        Customer none = job.customers().register(NewCustomer.individual("Canary Person C").build());
        link(a, ProductLine.FUND, AccountRole.OWNER);
        link(a, ProductLine.DEPOSIT, AccountRole.JOINT);
        link(a, ProductLine.CARD, AccountRole.AUTHORISED);
        LinkedAccount closed = link(b, ProductLine.LOAN, AccountRole.OWNER);
        job.accounts().updateStatus(closed.id(), AccountStatus.CLOSED, LocalDate.of(2026, 1, 1));
        link(b, ProductLine.FUND, AccountRole.OWNER);

        Baskets baskets = StoreBaskets.custom().clock(CLOCK).build().read(crm.store());
        assertThat(baskets.size()).isEqualTo(3);
        assertThat(baskets.items()).containsExactly("BROKERAGE", "DEPOSIT", "LOAN", "CARD", "FUND",
                "INSURANCE_POLICY", "WEALTH_MANAGEMENT");
        assertThat(baskets.basket(baskets.rowOfKey(a.id().value()).orElseThrow())).containsExactly("DEPOSIT", "FUND");
        assertThat(baskets.basket(baskets.rowOfKey(b.id().value()).orElseThrow())).containsExactly("FUND");
        assertThat(baskets.basket(baskets.rowOfKey(none.id().value()).orElseThrow())).isEmpty();

        Baskets withClosed = StoreBaskets.custom().includeClosed(true).build().read(crm.store());
        assertThat(withClosed.basket(withClosed.rowOfKey(b.id().value()).orElseThrow())).containsExactly("LOAN", "FUND");

        FrequentItemsets sets = FrequentItemsetMiner.of(MiningConfig.custom().minCount(1).build()).mine(baskets);
        assertThat(sets.find(List.of("FUND"))).map(Itemset::support).contains(2.0 / 3);
        assertThat(PartnerProducts.of(sets.rules(RuleConfig.custom().minConfidence(0.5).build()), baskets)
                .suggestFor(b.id().value(), 3)).extracting(PartnerSuggestion::reason)
                .containsExactly("50% of customers holding FUND also hold DEPOSIT; lift 1.5");
    }

    @Test
    @DisplayName("instrument baskets come from each account's newest snapshot on the as-of date")
    void instruments() {
        Customer a = job.customers().register(NewCustomer.individual("Canary Person A").build());
        LinkedAccount acc = link(a, ProductLine.BROKERAGE, AccountRole.OWNER);
        job.accounts().recordSnapshot(new AccountSnapshot(acc.id(), LocalDate.of(2026, 1, 31), Money.of("0", "CNY"),
                List.of(holding("OLD.SH", AssetClass.EQUITY))));
        job.accounts().recordSnapshot(new AccountSnapshot(acc.id(), LocalDate.of(2026, 3, 31), Money.of("0", "CNY"),
                List.of(holding("600519.SH", AssetClass.EQUITY), holding("BOND-1", AssetClass.FIXED_INCOME))));

        Baskets instruments = StoreBaskets.custom().clock(CLOCK).items(StoreBaskets.Items.INSTRUMENTS).build()
                .read(crm.store());
        assertThat(instruments.items()).containsExactly("600519.SH", "BOND-1");
        assertThat(instruments.basket(0)).containsExactly("600519.SH", "BOND-1");
        Baskets classes = StoreBaskets.custom().clock(CLOCK).items(StoreBaskets.Items.ASSET_CLASSES).build()
                .read(crm.store());
        assertThat(classes.basket(0)).containsExactly("EQUITY", "FIXED_INCOME");
    }

    private static Holding holding(String code, AssetClass assetClass) {
        return new Holding(code, assetClass, BigDecimal.TEN, Money.of("1000", "CNY"));
    }
}
