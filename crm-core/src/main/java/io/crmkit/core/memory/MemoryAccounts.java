package io.crmkit.core.memory;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Linked accounts indexed by host key and customer, with snapshots by date. */
final class MemoryAccounts extends MemoryTable<LinkedAccount, AccountId> implements AccountRepository {
    private final TreeSet<AccountId> byId = new TreeSet<>();
    private final Map<String, TreeSet<AccountId>> byExternal = new HashMap<>();
    private final Map<CustomerId, TreeSet<AccountId>> byCustomer = new HashMap<>();
    private final Map<String, AccountId> byNaturalKey = new HashMap<>();
    private final Map<AccountId, TreeMap<LocalDate, AccountSnapshot>> snapshots = new HashMap<>();

    MemoryAccounts(InMemoryCrmStore store) {
        super(store, "LinkedAccount");
    }

    private static String external(String host, String externalId) {
        return host + "\u0000" + externalId;
    }

    /** One link per customer and host account. */
    private static String naturalKey(LinkedAccount row) {
        return external(row.hostSystem(), row.externalId()) + "\u0000" + row.customerId().value();
    }

    @Override
    List<String> naturalKeys(LinkedAccount row) {
        return List.of(naturalKey(row));
    }

    @Override
    @Nullable AccountId committedHolder(String key) {
        return byNaturalKey.get(key);
    }

    @Override
    String keyName() {
        return "externalId";
    }

    @Override
    void index(LinkedAccount a) {
        byId.add(a.id());
        add(byExternal, external(a.hostSystem(), a.externalId()), a.id());
        add(byCustomer, a.customerId(), a.id());
        byNaturalKey.put(naturalKey(a), a.id());
    }

    @Override
    void unindex(LinkedAccount a) {
        byId.remove(a.id());
        remove(byExternal, external(a.hostSystem(), a.externalId()), a.id());
        remove(byCustomer, a.customerId(), a.id());
        byNaturalKey.remove(naturalKey(a), a.id());
    }

    /** Deleting an account deletes its snapshots with it (see {@code CrmStore}). */
    @Override
    Runnable removeDependents(LinkedAccount row) {
        TreeMap<LocalDate, AccountSnapshot> removed = snapshots.remove(row.id());
        return removed == null ? () -> {} : () -> snapshots.put(row.id(), removed);
    }

    @Override
    public List<LinkedAccount> findByExternalId(String hostSystem, String externalId) {
        Check.notNull(hostSystem, "hostSystem");
        Check.notNull(externalId, "externalId");
        return seen(() -> store.read(() -> byExternal.getOrDefault(external(hostSystem, externalId), new TreeSet<>()).stream()
                .map(rows::get).toList()), a -> a.hostSystem().equals(hostSystem) && a.externalId().equals(externalId));
    }

    @Override
    public List<LinkedAccount> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                a -> customerId.equals(a.customerId()));
    }

    @Override
    public Stream<LinkedAccount> stream() {
        return Pages.stream(this::page, 1_000);
    }

    private Page<LinkedAccount> page(PageRequest request) {
        AccountId after = idCursor(request.after(), AccountId::of);
        return store.read(() -> {
            List<LinkedAccount> fetched = new ArrayList<>(request.size() + 1);
            for (AccountId id : after == null ? byId : byId.tailSet(after, false)) {
                fetched.add(rows.get(id));
                if (fetched.size() > request.size()) {
                    break;
                }
            }
            return Page.of(fetched, request.size(), a -> a.id().value());
        });
    }

    @Override
    public void saveSnapshot(AccountSnapshot snapshot) {
        Check.notNull(snapshot, "snapshot");
        if (findById(snapshot.accountId()).isEmpty()) {
            throw new NotFoundException(typeName(), snapshot.accountId().value());
        }
        store.write(() -> {
            if (!rows.containsKey(snapshot.accountId())) {
                throw new NotFoundException(typeName(), snapshot.accountId().value());
            }
            TreeMap<LocalDate, AccountSnapshot> byDate = snapshots.computeIfAbsent(snapshot.accountId(), k -> new TreeMap<>());
            AccountSnapshot previous = byDate.put(snapshot.asOf(), snapshot);
            return () -> {
                if (previous == null) {
                    byDate.remove(snapshot.asOf());
                } else {
                    byDate.put(snapshot.asOf(), previous);
                }
            };
        });
    }

    @Override
    public Optional<AccountSnapshot> latestSnapshot(AccountId accountId, LocalDate date) {
        Check.notNull(accountId, "accountId");
        Check.notNull(date, "date");
        return store.read(() -> {
            TreeMap<LocalDate, AccountSnapshot> byDate = snapshots.get(accountId);
            return byDate == null ? Optional.empty() : Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
        });
    }

    @Override
    public Map<AccountId, AccountSnapshot> latestSnapshots(CustomerId customerId, LocalDate date) {
        Check.notNull(customerId, "customerId");
        Check.notNull(date, "date");
        return store.read(() -> {
            Map<AccountId, AccountSnapshot> latest = new HashMap<>();
            for (AccountId id : byCustomer.getOrDefault(customerId, new TreeSet<>())) {
                TreeMap<LocalDate, AccountSnapshot> byDate = snapshots.get(id);
                Map.Entry<LocalDate, AccountSnapshot> e = byDate == null ? null : byDate.floorEntry(date);
                if (e != null) {
                    latest.put(id, e.getValue());
                }
            }
            return Map.copyOf(latest);
        });
    }

    @Override
    public List<AccountSnapshot> snapshots(AccountId accountId, LocalDate from, LocalDate to) {
        Check.notNull(accountId, "accountId");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (to.isBefore(from)) {
            return List.of();
        }
        return store.read(() -> {
            TreeMap<LocalDate, AccountSnapshot> byDate = snapshots.get(accountId);
            return byDate == null ? List.of() : List.copyOf(byDate.subMap(from, true, to, true).values());
        });
    }

    /** One read lock for the whole batch. */
    @Override
    public Map<AccountId, AccountSnapshot> latestSnapshotsOf(Collection<AccountId> accountIds, LocalDate date) {
        Check.notNull(date, "date");
        List<AccountId> ids = Batch.ids(accountIds, "accountIds");
        return store.read(() -> {
            Map<AccountId, AccountSnapshot> latest = new HashMap<>(ids.size() * 2);
            for (AccountId id : ids) {
                TreeMap<LocalDate, AccountSnapshot> byDate = snapshots.get(id);
                Map.Entry<LocalDate, AccountSnapshot> e = byDate == null ? null : byDate.floorEntry(date);
                if (e != null) {
                    latest.put(id, e.getValue());
                }
            }
            return latest;
        });
    }
}
