package io.crmkit.core.spi;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.CustomerId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Linked accounts and their snapshots. {@code (hostSystem, externalId, customerId)} is a natural
 * key: {@link #save} refuses a second link of the same customer to the same host account with
 * {@link io.crmkit.core.error.DuplicateKeyException} on key {@code externalId}.
 */
public interface AccountRepository extends Repository<LinkedAccount, AccountId> {
    /** Every link to the host account (one per holder), by id. */
    List<LinkedAccount> findByExternalId(String hostSystem, String externalId);

    /** The customer's linked accounts, by id. */
    List<LinkedAccount> findByCustomer(CustomerId customerId);

    /** Every linked account, in id order, lazily; close the stream. */
    Stream<LinkedAccount> stream();

    /**
     * Stores a snapshot, replacing one of the same account and date.
     *
     * @throws io.crmkit.core.error.NotFoundException if the account does not exist
     */
    void saveSnapshot(AccountSnapshot snapshot);

    /** The account's newest snapshot on or before {@code date}. */
    Optional<AccountSnapshot> latestSnapshot(AccountId accountId, LocalDate date);

    /**
     * The newest snapshot on or before {@code date} of each of the customer's accounts that has one,
     * in one query (the 360 view uses it, so a store must not answer it with one query per account).
     */
    Map<AccountId, AccountSnapshot> latestSnapshots(CustomerId customerId, LocalDate date);

    /**
     * The account's snapshots from {@code from} to {@code to} inclusive, oldest first. Any dates are
     * valid bounds, {@link LocalDate#MIN} and {@link LocalDate#MAX} included (a SQL store clamps them
     * to what its date type holds).
     */
    List<AccountSnapshot> snapshots(AccountId accountId, LocalDate from, LocalDate to);

    /**
     * The newest snapshot on or before {@code date} of each of the accounts that has one:
     * {@link #latestSnapshot} for a batch of up to {@link Batch#MAX_IDS} accounts. The default asks once
     * per account; a store should answer with one query per batch.
     *
     * @throws io.crmkit.core.error.ValidationException if the batch is null, holds a null id or too many,
     *     or the date is null
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    default Map<AccountId, AccountSnapshot> latestSnapshotsOf(Collection<AccountId> accountIds, LocalDate date) {
        io.crmkit.core.check.Check.notNull(date, "date");
        Map<AccountId, AccountSnapshot> out = new HashMap<>();
        for (AccountId id : Batch.ids(accountIds, "accountIds")) {
            latestSnapshot(id, date).ifPresent(s -> out.put(id, s));
        }
        return out;
    }
}
