package io.crmkit.core.spi;

import io.crmkit.core.error.StoreException;
import java.util.function.Supplier;

/**
 * Where CRMKit keeps its data: one repository per aggregate and a transaction boundary. The
 * embedded default is the in-memory store ({@code io.crmkit.core.memory.InMemoryCrmStore});
 * {@code crm-jpa} keeps data in the firm's database; integrators may write their own and certify
 * it with the compatibility kit in {@code crm-tck}.
 *
 * <p>Conventions every store keeps (the compatibility kit checks them):
 * <ul>
 *   <li>"Id order" is {@link String#compareTo} order of the id text (ids are ASCII, so this is
 *       byte order; a SQL store needs a binary collation such as {@code COLLATE "C"}).
 *   <li>Instants are kept to the microsecond at least; the services create them at microsecond
 *       precision. Decimals are kept exactly (scale included as normalised by the records).
 *   <li>Referential integrity between aggregates (an opportunity's pipeline, a task's customer) is
 *       checked by the services, not required of stores; owner, branch and assignee ids are free.
 *   <li>Deleting an account leaves its snapshots in place: they are history.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface CrmStore {
    CustomerRepository customers();

    ContactRepository contacts();

    RelationshipRepository relationships();

    AccountRepository accounts();

    InteractionRepository interactions();

    OpportunityRepository opportunities();

    PipelineRepository pipelines();

    TaskRepository tasks();

    TierRepository tiers();

    OrgUnitRepository orgUnits();

    StaffRepository staff();

    /** Alerts raised by the real-time engine or host jobs. */
    AlertRepository alerts();

    /**
     * Runs {@code work} in one transaction: every write inside commits together when it returns, or
     * none does when it throws (the exception is rethrown as is).
     *
     * <ul>
     *   <li>Isolation: other threads see the writes only after commit, all at once (read committed at
     *       least).
     *   <li>Reads inside see the transaction's own writes by id and by natural key (identifier,
     *       external reference); list and page queries may show committed data only.
     *   <li>A call inside a running transaction joins it. If the inner call throws and the outer
     *       work catches that and returns normally, the transaction is rolled back anyway and the
     *       outer call throws {@link StoreException} (rollback-only, as with JTA's REQUIRED).
     *       Exceptions thrown directly by a repository call (conflict, duplicate key) do not mark the
     *       transaction: the work may catch them and go on.
     *   <li>Natural-key clashes with committed data or with this transaction's own writes are
     *       refused at the save; clashes with a concurrent transaction may surface at commit.
     * </ul>
     *
     * @throws io.crmkit.core.error.ConflictException if a write conflicts (at the write or, against a
     *     concurrent transaction, at commit)
     * @throws io.crmkit.core.error.DuplicateKeyException at commit, if a concurrent transaction took a
     *     natural key first
     * @throws StoreException if the store fails
     */
    <T> T inTransaction(Supplier<T> work);

    /** {@link #inTransaction(Supplier)} for work without a result. */
    default void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
