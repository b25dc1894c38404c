package io.crmkit.core.spi;

import io.crmkit.core.error.StoreException;
import java.util.function.Supplier;

/**
 * Where CRMKit keeps its data: one repository per aggregate and a transaction boundary. The
 * embedded default is the in-memory store ({@code io.crmkit.core.memory.InMemoryCrmStore});
 * {@code crm-jpa} keeps data in the firm's database; integrators may write their own and certify
 * it with the compatibility kit in {@code crm-tck}.
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

    /**
     * Runs {@code work} in one transaction: every write inside commits together when it returns, or
     * none does when it throws (the exception is rethrown as is). A call inside a running
     * transaction joins it. Reads inside see the transaction's own writes by id.
     *
     * @throws io.crmkit.core.error.ConflictException if a write conflicts (at the write or at commit)
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
