package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;
import static io.crmkit.tck.assertions.CrmAssertions.thrownNotFound;

import io.crmkit.core.common.Meta;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.assertions.Canonical;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The linked-account repository: CRUD (inherited); {@code (hostSystem, externalId, customerId)} as a
 * natural key refused with {@link DuplicateKeyException} on {@code externalId}; lookups by host key
 * and customer; the id-ordered stream; and snapshots upserted by (account, date), with the newest
 * on or before a date and ranges oldest first.
 */
public abstract class AccountContract extends RepositoryContract<LinkedAccount, AccountId> {

    @Override
    protected Repository<LinkedAccount, AccountId> repository() {
        return accounts();
    }

    private AccountRepository accounts() {
        return store().accounts();
    }

    @Override
    protected AccountId newId() {
        return Fixtures.accountId();
    }

    @Override
    protected LinkedAccount newAggregate(AccountId id) {
        LinkedAccount a = Fixtures.account(customer());
        return new LinkedAccount(id, a.customerId(), a.hostSystem(), a.externalId(), a.productLine(), a.role(),
                a.status(), a.currency(), a.openedOn(), a.closedOn(), LocalDate.of(2030, 12, 31), a.meta());
    }

    @Override
    protected LinkedAccount changed(LinkedAccount stored) {
        return stored.withStatus(AccountStatus.CLOSED, Fixtures.TODAY);
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private LinkedAccount holderLink(LinkedAccount account, CustomerId holder, AccountRole role) {
        return new LinkedAccount(Fixtures.accountId(), holder, account.hostSystem(), account.externalId(),
                account.productLine(), role, account.status(), account.currency(), account.openedOn(), null, null,
                Meta.created(Fixtures.NOW, Fixtures.ACTOR));
    }

    @Test
    @DisplayName("linking the same customer to the same host account twice throws DuplicateKeyException on 'externalId' and writes nothing")
    void sameLinkTwiceIsRefused() {
        LinkedAccount first = accounts().save(Fixtures.account(customer()));
        LinkedAccount again = holderLink(first, first.customerId(), AccountRole.OWNER);

        DuplicateKeyException e = thrownDuplicateKey(() -> accounts().save(again));

        assertThat(e.key()).isEqualTo("externalId");
        assertThat(accounts().findById(again.id())).isEmpty();
        assertThat(accounts().findByExternalId(first.hostSystem(), first.externalId())).containsExactly(first);
    }

    @Test
    @DisplayName("a joint account is linked once per holder and found by its host key, by id")
    void jointAccountOncePerHolder() {
        LinkedAccount owner = accounts().save(Fixtures.account(customer()));
        LinkedAccount joint = accounts().save(holderLink(owner, customer(), AccountRole.JOINT));
        accounts().save(Fixtures.account(owner.customerId(), "card-system", owner.externalId()));

        List<LinkedAccount> links = accounts().findByExternalId(owner.hostSystem(), owner.externalId());

        assertThat(links).containsExactlyElementsOf(
                Stream.of(owner, joint).sorted((a, b) -> a.id().compareTo(b.id())).toList());
        assertThat(accounts().findByExternalId("no-such-host", owner.externalId())).isEmpty();
    }

    @Test
    @DisplayName("findByCustomer lists only that customer's accounts, by id")
    void accountsOfCustomerById() {
        CustomerId customer = customer();
        AccountId low = Fixtures.accountId();
        AccountId high = Fixtures.accountId();
        LinkedAccount b = accounts().save(withId(Fixtures.account(customer), high));
        LinkedAccount a = accounts().save(withId(Fixtures.account(customer), low));
        accounts().save(Fixtures.account(customer()));

        assertThat(accounts().findByCustomer(customer)).containsExactly(a, b);
    }

    @Test
    @DisplayName("stream lists every account once, in id order, including those just saved")
    void streamInIdOrder() {
        LinkedAccount a = accounts().save(Fixtures.account(customer()));
        LinkedAccount b = accounts().save(Fixtures.account(customer()));

        try (Stream<LinkedAccount> stream = accounts().stream()) {
            List<AccountId> ids = stream.map(LinkedAccount::id).toList();
            assertThat(ids).contains(a.id(), b.id()).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    @DisplayName("a snapshot of an account that does not exist is refused with NotFoundException")
    void snapshotOfMissingAccountIsRefused() {
        AccountId missing = Fixtures.accountId();

        thrownNotFound(() -> accounts().saveSnapshot(Fixtures.snapshot(missing, Fixtures.TODAY, "100.00")));

        assertThat(accounts().latestSnapshot(missing, Fixtures.TODAY)).isEmpty();
    }

    @Test
    @DisplayName("a second snapshot for the same account and date replaces the first")
    void snapshotUpsertByDate() {
        LinkedAccount account = accounts().save(Fixtures.account(customer()));
        AccountSnapshot first = Fixtures.snapshot(account.id(), Fixtures.TODAY, "100.00");
        AccountSnapshot replacement = new AccountSnapshot(account.id(), Fixtures.TODAY, first.cash().plus(first.cash()), List.of());

        accounts().saveSnapshot(first);
        assertThat(accounts().latestSnapshot(account.id(), Fixtures.TODAY).map(Canonical::of)).contains(Canonical.of(first));
        accounts().saveSnapshot(replacement);

        assertThat(accounts().snapshots(account.id(), Fixtures.TODAY, Fixtures.TODAY)).containsExactly(replacement);
        assertThat(accounts().latestSnapshot(account.id(), Fixtures.TODAY)).contains(replacement);
    }

    @Test
    @DisplayName("latestSnapshot is the newest on or before the date, and empty before the first")
    void latestSnapshotOnOrBefore() {
        LinkedAccount account = accounts().save(Fixtures.account(customer()));
        LinkedAccount other = accounts().save(Fixtures.account(customer()));
        LocalDate d1 = LocalDate.of(2025, 1, 31);
        LocalDate d2 = LocalDate.of(2025, 2, 28);
        LocalDate d3 = LocalDate.of(2025, 3, 31);
        accounts().saveSnapshot(Fixtures.snapshot(account.id(), d3, "300"));
        accounts().saveSnapshot(Fixtures.snapshot(account.id(), d1, "100"));
        accounts().saveSnapshot(Fixtures.snapshot(account.id(), d2, "200"));
        accounts().saveSnapshot(Fixtures.snapshot(other.id(), d2.plusDays(1), "999"));

        assertThat(cashOfLatest(account.id(), d2)).isEqualTo("200");
        assertThat(cashOfLatest(account.id(), d2.plusDays(10))).isEqualTo("200");
        assertThat(cashOfLatest(account.id(), d3.plusYears(1))).isEqualTo("300");
        assertThat(cashOfLatest(account.id(), d1)).isEqualTo("100");
        assertThat(accounts().latestSnapshot(account.id(), d1.minusDays(1))).isEmpty();
        assertThat(accounts().latestSnapshot(account.id(), d2).map(Canonical::of))
                .contains(Canonical.of(Fixtures.snapshot(account.id(), d2, "200")));
    }

    @Test
    @DisplayName("snapshots(from, to) lists that account's snapshots in the inclusive range, oldest first")
    void snapshotRangeInclusiveOldestFirst() {
        LinkedAccount account = accounts().save(Fixtures.account(customer()));
        LinkedAccount other = accounts().save(Fixtures.account(customer()));
        for (int day : new int[] {5, 1, 3, 2, 4}) {
            accounts().saveSnapshot(Fixtures.snapshot(account.id(), LocalDate.of(2025, 3, day), day + "0"));
            accounts().saveSnapshot(Fixtures.snapshot(other.id(), LocalDate.of(2025, 3, day), "7"));
        }

        List<AccountSnapshot> range = accounts().snapshots(account.id(), LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 4));

        assertThat(range).extracting(AccountSnapshot::asOf)
                .containsExactly(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4));
        assertThat(range).extracting(s -> s.cash().amount().toPlainString()).containsExactly("20", "30", "40");
        assertThat(range).extracting(AccountSnapshot::accountId).containsOnly(account.id());
        assertThat(accounts().snapshots(account.id(), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))).isEmpty();
    }

    @Test
    @DisplayName("latestSnapshots gives, for each of the customer's accounts that has one, the newest snapshot on or before the date")
    void latestSnapshotsPerAccountOfCustomer() {
        CustomerId customer = customer();
        LinkedAccount a = accounts().save(Fixtures.account(customer));
        LinkedAccount b = accounts().save(Fixtures.account(customer));
        LinkedAccount withoutSnapshots = accounts().save(Fixtures.account(customer));
        LinkedAccount otherCustomers = accounts().save(Fixtures.account(customer()));
        LocalDate d1 = LocalDate.of(2025, 1, 31);
        LocalDate d2 = LocalDate.of(2025, 2, 28);
        LocalDate d3 = LocalDate.of(2025, 3, 31);
        accounts().saveSnapshot(Fixtures.snapshot(a.id(), d1, "1"));
        accounts().saveSnapshot(Fixtures.snapshot(a.id(), d3, "3"));
        accounts().saveSnapshot(Fixtures.snapshot(b.id(), d2, "2"));
        accounts().saveSnapshot(Fixtures.snapshot(otherCustomers.id(), d1, "9"));

        Map<AccountId, AccountSnapshot> atD2 = accounts().latestSnapshots(customer, d2);
        Map<AccountId, AccountSnapshot> atD3 = accounts().latestSnapshots(customer, d3);

        assertThat(atD2).containsOnlyKeys(a.id(), b.id());
        assertThat(atD2.get(a.id()).asOf()).isEqualTo(d1);
        assertThat(Canonical.of(atD2.get(b.id()))).isEqualTo(Canonical.of(Fixtures.snapshot(b.id(), d2, "2")));
        assertThat(atD3).containsOnlyKeys(a.id(), b.id());
        assertThat(atD3.get(a.id()).asOf()).isEqualTo(d3);
        assertThat(accounts().latestSnapshots(customer, d1.minusDays(1))).isEmpty();
        assertThat(withoutSnapshots.id()).isNotIn(atD3.keySet());
    }

    private String cashOfLatest(AccountId account, LocalDate date) {
        return accounts().latestSnapshot(account, date).orElseThrow().cash().amount().toPlainString();
    }

    private static LinkedAccount withId(LinkedAccount a, AccountId id) {
        return new LinkedAccount(id, a.customerId(), a.hostSystem(), a.externalId(), a.productLine(), a.role(),
                a.status(), a.currency(), a.openedOn(), a.closedOn(), a.maturesOn(), a.meta());
    }
}
