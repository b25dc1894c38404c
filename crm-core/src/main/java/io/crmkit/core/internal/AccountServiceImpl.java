package io.crmkit.core.internal;

import static io.crmkit.core.internal.CommandValidator.plausible;
import static io.crmkit.core.internal.CommandValidator.throwIfAny;

import io.crmkit.core.AccountService;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.Violation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.governance.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link AccountService} over the store. Thread-safe. */
final class AccountServiceImpl implements AccountService {
    private final Engine engine;
    private final Actor actor;
    private final Access access;

    AccountServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    /** The account if it exists and its customer is visible; otherwise not found under its own id. */
    private LinkedAccount visibleAccount(AccountId id) {
        return engine.store.accounts().findById(id).filter(a -> access.visible(a.customerId()).isPresent())
                .orElseThrow(() -> new io.crmkit.core.error.NotFoundException("LinkedAccount", id.value()));
    }

    @Override
    public LinkedAccount link(NewAccount a) {
        List<Violation> v = engine.validator.check(a, "account");
        if (a != null) {
            plausible(a.openedOn(), engine.today().plusDays(1), "openedOn", v);
            plausible(a.maturesOn(), CommandValidator.LATEST_STORED, "maturesOn", v);
        }
        throwIfAny(v);
        return engine.write(access, Operation.ACCOUNT_LINK, "LinkedAccount", null, Call.of("accounts", "link", a), null, a, () -> {
            access.requireWritable(Operation.ACCOUNT_LINK, a.customerId());
            LinkedAccount account = new LinkedAccount(AccountId.of(engine.newId("LinkedAccount")), a.customerId(),
                    a.hostSystem(), a.externalId(), a.productLine(), a.role(), AccountStatus.OPEN, a.currency(),
                    a.openedOn(), null, a.maturesOn(), Meta.created(engine.now(), actor.id()));
            engine.guard(null, account, a.customerId());
            return engine.store.accounts().save(account);
        });
    }

    @Override
    public LinkedAccount updateStatus(AccountId id, AccountStatus status, @Nullable LocalDate closedOn) {
        Check.notNull(id, "id");
        Check.notNull(status, "status");
        List<Violation> v = new java.util.ArrayList<>();
        plausible(closedOn, engine.today().plusDays(1), "closedOn", v);
        throwIfAny(v);
        return engine.write(access, Operation.ACCOUNT_STATUS, "LinkedAccount", id,
                Call.of("accounts", "updateStatus", id, status, closedOn), null, status, () -> {
            LinkedAccount current = visibleAccount(id);
            access.requireWritable(Operation.ACCOUNT_STATUS, current.customerId());
            LinkedAccount next = current.withStatus(status, closedOn).withMeta(current.meta().touched(engine.now(), actor.id()));
            engine.guard(current, next, current.customerId());
            return engine.store.accounts().save(next);
        });
    }

    @Override
    public void recordSnapshot(AccountSnapshot snapshot) {
        Check.notNull(snapshot, "snapshot");
        List<Violation> v = new java.util.ArrayList<>();
        plausible(snapshot.asOf(), engine.today().plusDays(1), "asOf", v);
        throwIfAny(v);
        engine.write(access, Operation.ACCOUNT_SNAPSHOT, "LinkedAccount", snapshot.accountId(),
                Call.of("accounts", "recordSnapshot", snapshot), null, snapshot, () -> {
            LinkedAccount account = visibleAccount(snapshot.accountId());
            access.requireWritable(Operation.ACCOUNT_SNAPSHOT, account.customerId());
            engine.store.accounts().saveSnapshot(snapshot);
            return null;
        });
    }

    @Override
    public List<LinkedAccount> accounts(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return engine.store.accounts().findByCustomer(customerId);
    }

    @Override
    public Optional<AccountSnapshot> latestSnapshot(AccountId id, LocalDate onOrBefore) {
        Check.notNull(id, "id");
        Check.notNull(onOrBefore, "onOrBefore");
        List<Violation> v = new java.util.ArrayList<>();
        plausible(onOrBefore, CommandValidator.LATEST_QUERY, "onOrBefore", v);
        throwIfAny(v);
        Optional<LinkedAccount> account = engine.store.accounts().findById(id)
                .filter(a -> access.visible(a.customerId()).isPresent());
        return account.isEmpty() ? Optional.empty() : engine.store.accounts().latestSnapshot(id, onOrBefore);
    }
}
