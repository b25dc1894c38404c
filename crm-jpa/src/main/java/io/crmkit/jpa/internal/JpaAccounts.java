package io.crmkit.jpa.internal;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.Batch;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;



/** Linked accounts and their dated snapshots on JPA. Thread-safe. */
final class JpaAccounts extends JpaRepository<LinkedAccount, AccountId, AccountEntity> implements AccountRepository {
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    JpaAccounts(Transactions tx, StoreSettings settings) {
        super(tx, settings, AccountEntity.class, LinkedAccount.class, "LinkedAccount");
    }

    @Override
    String key(AccountId id) {
        return id.value();
    }

    @Override
    AccountEntity newEntity() {
        return new AccountEntity();
    }

    @Override
    void copyColumns(LinkedAccount a, AccountEntity e) {
        e.customerId = a.customerId().value();
        e.hostSystem = a.hostSystem();
        e.externalId = settings.documents().accountColumn(a.hostSystem(), a.externalId());
    }

    @Override
    void checkKeys(EntityManager em, LinkedAccount a) {
        boolean taken = em.createQuery("select e.id from LinkedAccount e where e.hostSystem = :h"
                + " and e.externalId in (:x) and e.customerId = :c", String.class)
                .setParameter("h", a.hostSystem())
                .setParameter("x", settings.documents().accountCandidates(a.hostSystem(), a.externalId()))
                .setParameter("c", a.customerId().value())
                .getResultStream().anyMatch(id -> !id.equals(a.id().value()));
        if (taken) {
            throw new DuplicateKeyException("LinkedAccount", "externalId");
        }
    }

    @Override
    void beforeDelete(EntityManager em, AccountEntity entity) {
        // snapshots are plain, unversioned facts about the account: a bulk delete is safe here
        em.createQuery("delete from AccountSnapshot s where s.accountId = :a")
                .setParameter("a", entity.id).executeUpdate();
    }

    @Override
    public List<LinkedAccount> findByExternalId(String hostSystem, String externalId) {
        Check.notNull(hostSystem, "hostSystem");
        Check.notNull(externalId, "externalId");
        return tx.run(em -> fromRows(Jpql.from("LinkedAccount")
                .andAll("e.hostSystem = :h and e.externalId in (:x)", "h", hostSystem, "x",
                        settings.documents().accountCandidates(hostSystem, externalId))
                .list(em, "e.id", 0)));
    }

    @Override
    public List<LinkedAccount> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("LinkedAccount").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.id", 0)));
    }

    @Override
    public Stream<LinkedAccount> stream() {
        return tx.stream(em -> Jpql.from("LinkedAccount").stream(em, "e.id", settings.fetchSize())
                .map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }

    @Override
    public void saveSnapshot(AccountSnapshot snapshot) {
        Check.notNull(snapshot, "snapshot");
        String accountId = snapshot.accountId().value();
        tx.run(em -> {
            try {
                if (em.find(AccountEntity.class, accountId) == null) {
                    throw new NotFoundException("LinkedAccount", accountId);
                }
                SnapshotEntity row = em.find(SnapshotEntity.class, new SnapshotEntity.Key(accountId, snapshot.asOf()));
                if (row == null) {
                    row = new SnapshotEntity();
                    row.accountId = accountId;
                    row.asOf = snapshot.asOf();
                    row.doc = DocumentCodec.write(snapshot);
                    em.persist(row);
                } else {
                    row.doc = DocumentCodec.write(snapshot);
                }
                if (!settings.batchWrites()) {
                    em.flush();
                }
                return null;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                tx.markRollbackOnly();
                throw ExceptionTranslator.translate(e, "AccountSnapshot", accountId, 0);
            }
        });
    }

    @Override
    public Optional<AccountSnapshot> latestSnapshot(AccountId accountId, LocalDate date) {
        Check.notNull(accountId, "accountId");
        Check.notNull(date, "date");
        return tx.run(em -> em.createQuery("select s.doc from AccountSnapshot s where s.accountId = :a"
                + " and s.asOf <= :d order by s.asOf desc", String.class)
                .setParameter("a", accountId.value()).setParameter("d", storable(date)).setMaxResults(1)
                .getResultStream().findFirst().map(doc -> DocumentCodec.read(doc, AccountSnapshot.class)));
    }

    @Override
    public Map<AccountId, AccountSnapshot> latestSnapshots(CustomerId customerId, LocalDate date) {
        Check.notNull(customerId, "customerId");
        Check.notNull(date, "date");
        // one statement for all of the customer's accounts; the primary key (account_id, as_of) serves both parts
        return tx.run(em -> em.createQuery("select s.doc from AccountSnapshot s where s.accountId in"
                + " (select a.id from LinkedAccount a where a.customerId = :c)"
                + " and s.asOf = (select max(s2.asOf) from AccountSnapshot s2"
                + " where s2.accountId = s.accountId and s2.asOf <= :d)", String.class)
                .setParameter("c", customerId.value()).setParameter("d", storable(date)).getResultList().stream()
                .map(doc -> DocumentCodec.read(doc, AccountSnapshot.class))
                .collect(Collectors.toMap(AccountSnapshot::accountId, s -> s, (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * A query bound every database can hold: PostgreSQL refuses {@code LocalDate.MIN} and
     * {@code MAX} (SQLState 22008), and no snapshot lies outside years 1 to 9999, so clamping
     * changes no result.
     */
    static LocalDate storable(LocalDate date) {
        return date.isBefore(FIRST_DAY) ? FIRST_DAY : date.isAfter(LAST_DAY) ? LAST_DAY : date;
    }

    @Override
    public List<AccountSnapshot> snapshots(AccountId accountId, LocalDate from, LocalDate to) {
        Check.notNull(accountId, "accountId");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        return tx.run(em -> em.createQuery("select s.doc from AccountSnapshot s where s.accountId = :a"
                + " and s.asOf >= :f and s.asOf <= :t order by s.asOf", String.class)
                .setParameter("a", accountId.value()).setParameter("f", storable(from)).setParameter("t", storable(to))
                .getResultList().stream().map(doc -> DocumentCodec.read(doc, AccountSnapshot.class)).toList());
    }

    /** One statement per batch; the primary key (account_id, as_of) serves both parts, as for one customer. */
    @Override
    public Map<AccountId, AccountSnapshot> latestSnapshotsOf(Collection<AccountId> accountIds, LocalDate date) {
        Check.notNull(date, "date");
        List<String> ids = Batch.ids(accountIds, "accountIds").stream().map(AccountId::value).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.run(em -> em.createQuery("select s.doc from AccountSnapshot s where s.accountId in :ids"
                + " and s.asOf = (select max(s2.asOf) from AccountSnapshot s2"
                + " where s2.accountId = s.accountId and s2.asOf <= :d)", String.class)
                .setParameter("ids", ids).setParameter("d", date).getResultList().stream()
                .map(doc -> DocumentCodec.read(doc, AccountSnapshot.class))
                .collect(Collectors.toMap(AccountSnapshot::accountId, s -> s, (a, b) -> a, LinkedHashMap::new)));
    }
}
