package io.crmkit.tck;

import io.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The compatibility kit: every test a {@link CrmStore} must pass, grouped per aggregate. Certify a
 * store by extending this class in your test sources and implementing {@link #createStore()}:
 *
 * <pre>{@code
 * class MyStoreCompatibilityTest extends CrmStoreCompatibilityKit {
 *     @Override
 *     protected CrmStore createStore() {
 *         return MyStore.create();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Store per test, or one shared store.</b> {@link #createStore()} is called before every test.
 * Every test creates its own data with ids, tags, owners and natural keys unique to the run
 * ({@link io.crmkit.tck.fixtures.UniqueIds}), never deletes data it did not create and never
 * assumes the store is empty. So the factory may return a fresh, empty store each time (the
 * in-memory store does) or the same store every time: a database-backed store can migrate its
 * schema once, return one shared instance, and run the kit in a few minutes, even against a
 * database that keeps earlier runs' rows. {@link #afterEach(CrmStore)} is the hook for cleanup
 * (closing a fresh store, truncating tables); it is not needed for correctness.
 *
 * <p>What the groups check is written on each contract class; in short: the {@link RepositoryContract}
 * rules for every repository (version 0 inserts, stale versions, taken ids and missing aggregates
 * conflict, deletes with an expected version, nothing written on failure), natural keys refused
 * with {@code DuplicateKeyException}, ordered queries, keyset paging without gaps or repeats
 * while other threads insert, closable streams, transactions, and read-modify-write under
 * contention. Timestamps in fixtures carry microseconds; stores must return every field
 * as saved (decimal scale aside, see {@link io.crmkit.tck.assertions.Canonical}).
 *
 * <p>Uses JUnit Jupiter and AssertJ; add {@code junit-jupiter} (the engine) to your test classpath.
 */
public abstract class CrmStoreCompatibilityKit {
    private CrmStore store;

    /** The store under test: fresh and empty, or one shared instance (see the class comment). */
    protected abstract CrmStore createStore();

    /** Called after every test with the store it used; override to close or clean up. Does nothing by default. */
    protected void afterEach(CrmStore store) {}

    @BeforeEach
    final void createStoreForTest() {
        store = createStore();
        if (store == null) {
            throw new IllegalStateException("createStore() returned null");
        }
    }

    @AfterEach
    final void cleanUpAfterTest() {
        afterEach(store);
    }

    /** The store of the running test. */
    protected final CrmStore store() {
        return store;
    }

    @Nested
    @DisplayName("customers")
    class Customers extends CustomerContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("customers by a batch of identifiers")
    class IdentifierBatches extends IdentifierBatchContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("the nightly analytics' bulk reads (interaction projection, current tiers by batch)")
    class AnalyticsReads extends AnalyticsReadContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("customers by a batch of ids")
    class IdBatches extends IdBatchContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("merge records and tier-history moves")
    class Merges extends MergeContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("customer paging and streaming")
    class CustomerPaging extends CustomerPagingContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("concurrent writers")
    class Concurrency extends ConcurrencyContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("contacts")
    class Contacts extends ContactContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("relationships")
    class Relationships extends RelationshipContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("linked accounts and snapshots")
    class Accounts extends AccountContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("interactions")
    class Interactions extends InteractionContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("timelines")
    class Timelines extends TimelineContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("opportunities")
    class Opportunities extends OpportunityContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("pipelines")
    class Pipelines extends PipelineContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("tasks")
    class Tasks extends TaskContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("tiers")
    class Tiers extends TierContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("organisation units")
    class OrgUnits extends OrgUnitContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("staff")
    class StaffMembers extends StaffContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("alerts")
    class Alerts extends AlertContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("the 360 view's data")
    class CustomerViews extends CustomerViewContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("service cases")
    class Cases extends CaseContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("consents")
    class Consents extends ConsentContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("do-not-contact flags")
    class DoNotContactFlags extends DoNotContactContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("the contact log")
    class ContactLog extends ContactLogContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("campaigns")
    class OutreachCampaigns extends OutreachContracts.Campaigns {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("campaign members")
    class OutreachMembers extends OutreachContracts.Members {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("engagements")
    class OutreachEngagements extends OutreachContracts.Engagements {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("content items")
    class OutreachContents extends OutreachContracts.Contents {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("subscriptions")
    class OutreachSubscriptions extends OutreachContracts.Subscriptions {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("deliveries")
    class OutreachDeliveries extends OutreachContracts.Deliveries {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions extends TransactionContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("index maintenance after every kind of write")
    class IndexMaintenance extends IndexMaintenanceContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("reads and natural keys inside a transaction")
    class OwnWrites extends OwnWritesContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("list reads by a secondary key inside a transaction")
    class OwnWritesLists extends OwnWritesListsContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("rollback of deletes and reference data, nested units")
    class Rollbacks extends RollbackContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("natural keys compared exactly")
    class NaturalKeys extends NaturalKeyContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("long streams and early close")
    class Streams extends StreamContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("data kept exactly")
    class DataFidelity extends DataFidelityContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("erasure records")
    class Erasures extends ErasureContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("audit redaction")
    class AuditRedaction extends AuditRedactionContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("erasure through the services")
    class ErasureFlow extends ErasureFlowContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }

    @Nested
    @DisplayName("merge and unmerge through the services")
    class MergeFlow extends MergeFlowContract {
        @Override
        protected CrmStore store() {
            return CrmStoreCompatibilityKit.this.store();
        }
    }
}
