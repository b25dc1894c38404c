package io.crmkit.core;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.customer.CustomerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Links host-system accounts to customers and records balance and holding snapshots. The host is
 * the source of truth for accounts; the CRM keeps links, statuses and snapshots for analysis.
 *
 * <p>Thread-safe.
 */
public interface AccountService {
    /**
     * Links a host account to a customer.
     *
     * @throws io.crmkit.core.error.DuplicateKeyException if this customer is already linked to that host account
     */
    LinkedAccount link(NewAccount account);

    /** Records a status reported by the host; {@code closedOn} is required for CLOSED. */
    LinkedAccount updateStatus(AccountId id, AccountStatus status, @Nullable LocalDate closedOn);

    /** Stores a snapshot, replacing one of the same account and date. */
    void recordSnapshot(AccountSnapshot snapshot);

    List<LinkedAccount> accounts(CustomerId customerId);

    Optional<AccountSnapshot> latestSnapshot(AccountId id, LocalDate onOrBefore);
}
