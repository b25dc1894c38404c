package io.crmkit.core.memory;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.AlertRepository;
import io.crmkit.core.spi.ContactRepository;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.OrgUnitRepository;
import io.crmkit.core.spi.PipelineRepository;
import io.crmkit.core.spi.RelationshipRepository;
import io.crmkit.core.spi.StaffRepository;
import io.crmkit.core.spi.AuditRepository;
import io.crmkit.core.spi.PendingRequestRepository;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.spi.TierRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default store: everything in memory, indexed so that lookups by id and natural
 * key, owner/branch/lifecycle/tier queries and timeline pages do not scan. Nothing survives the
 * JVM; use {@code crm-jpa} for durable storage.
 *
 * <p>Concurrency: reads take a shared lock; writes are validated and applied under an exclusive
 * lock, so a reader never sees half of a transaction. Transactions are thread-confined: writes
 * inside {@link #inTransaction} are held back, checked early against what the transaction sees,
 * and validated again and applied together at commit, or not at all. Inside a transaction,
 * {@code findById} and the natural-key lookups see the transaction's own writes; list and page
 * queries see committed data only. A natural key taken by committed data or by the transaction's
 * own earlier write is refused at the save; a clash with a concurrent transaction surfaces at commit.
 * A nested unit that fails marks the transaction rollback-only (see {@link CrmStore#inTransaction}).
 *
 * <p>Thread-safe.
 */
public final class InMemoryCrmStore implements CrmStore, AutoCloseable {
    // Not reentrant: no code path reads under the write lock or nests reads (commit ops touch the maps directly).
    private final StampedLock lock = new StampedLock();
    private final ThreadLocal<MemoryTx> tx = new ThreadLocal<>();

    private final MemoryCustomers customers = new MemoryCustomers(this);
    private final MemoryContacts contacts = new MemoryContacts(this);
    private final MemoryRelationships relationships = new MemoryRelationships(this);
    private final MemoryAccounts accounts = new MemoryAccounts(this);
    private final MemoryInteractions interactions = new MemoryInteractions(this);
    private final MemoryOpportunities opportunities = new MemoryOpportunities(this);
    private final MemoryPipelines pipelines = new MemoryPipelines(this);
    private final MemoryTasks tasks = new MemoryTasks(this);
    private final MemoryTiers tiers = new MemoryTiers(this);
    private final MemoryOrgUnits orgUnits = new MemoryOrgUnits(this);
    private final MemoryStaff staff = new MemoryStaff(this);
    private final MemoryAudit audit = new MemoryAudit(this);
    private final MemoryPendingRequests approvals = new MemoryPendingRequests(this);

    private volatile boolean closed;

    private final MemoryAlerts alerts = new MemoryAlerts(this);
    private final MemoryErasures erasures = new MemoryErasures(this);
    private final MemoryCases cases = new MemoryCases(this);
    private final MemorySlaPolicies slaPolicies = new MemorySlaPolicies(this);
    private final MemoryConsents consents = new MemoryConsents(this);
    private final MemoryDoNotContact doNotContact = new MemoryDoNotContact(this);
    private final MemoryContactLog contactLog = new MemoryContactLog(this);
    private final MemoryMerges merges = new MemoryMerges(this);
    private final MemoryCampaigns campaigns = new MemoryCampaigns(this);
    private final MemoryCampaignMembers campaignMembers = new MemoryCampaignMembers(this);
    private final MemoryEngagements engagements = new MemoryEngagements(this);
    private final MemoryContents contents = new MemoryContents(this);
    private final MemorySubscriptions subscriptions = new MemorySubscriptions(this);
    private final MemoryDeliveries deliveries = new MemoryDeliveries(this);

    private InMemoryCrmStore() {}

    /**
     * Closes the store: its data is dropped for good and every later call (reads, writes,
     * transactions) throws {@link StoreException}, as a closed database store does. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed", false);
        }
    }

    /** A new, empty store. */
    public static InMemoryCrmStore create() {
        return new InMemoryCrmStore();
    }

    @Override public CustomerRepository customers() { return customers; }

    @Override public ContactRepository contacts() { return contacts; }

    @Override public RelationshipRepository relationships() { return relationships; }

    @Override public AccountRepository accounts() { return accounts; }

    @Override public InteractionRepository interactions() { return interactions; }

    @Override public OpportunityRepository opportunities() { return opportunities; }

    @Override public PipelineRepository pipelines() { return pipelines; }

    @Override public TaskRepository tasks() { return tasks; }

    @Override public TierRepository tiers() { return tiers; }

    @Override public OrgUnitRepository orgUnits() { return orgUnits; }

    @Override public StaffRepository staff() { return staff; }

    @Override public AuditRepository audit() { return audit; }

    @Override public PendingRequestRepository approvals() { return approvals; }

    @Override public AlertRepository alerts() { return alerts; }

    @Override public io.crmkit.core.spi.ErasureRepository erasures() { return erasures; }
    @Override public io.crmkit.core.spi.CaseRepository cases() { return cases; }

    @Override public io.crmkit.core.spi.SlaPolicyRepository slaPolicies() { return slaPolicies; }

    @Override public io.crmkit.core.spi.ConsentRepository consents() { return consents; }

    @Override public io.crmkit.core.spi.DoNotContactRepository doNotContact() { return doNotContact; }

    @Override public io.crmkit.core.spi.ContactLogRepository contactLog() { return contactLog; }
    @Override public io.crmkit.core.spi.MergeRepository merges() { return merges; }
    @Override public io.crmkit.core.spi.CampaignRepository campaigns() { return campaigns; }

    @Override public io.crmkit.core.spi.CampaignMemberRepository campaignMembers() { return campaignMembers; }

    @Override public io.crmkit.core.spi.EngagementRepository engagements() { return engagements; }

    @Override public io.crmkit.core.spi.ContentRepository contents() { return contents; }

    @Override public io.crmkit.core.spi.SubscriptionRepository subscriptions() { return subscriptions; }

    @Override public io.crmkit.core.spi.DeliveryRepository deliveries() { return deliveries; }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Check.notNull(work, "work");
        ensureOpen();
        MemoryTx running = tx.get();
        if (running != null) {
            running.depth++;
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                running.rollbackOnly = true;
                throw e;
            } finally {
                running.depth--;
            }
        }
        MemoryTx fresh = new MemoryTx();
        tx.set(fresh);
        T result;
        try {
            result = work.get();
        } finally {
            tx.remove();
        }
        ensureOpen(); // closed while the work ran: nothing is applied
        if (fresh.rollbackOnly) {
            throw new StoreException("transaction rolled back: an inner unit of work failed and its exception was caught", false);
        }
        commit(fresh.ops);
        return result;
    }

    @Nullable MemoryTx currentTx() {
        ensureOpen();
        return tx.get();
    }

    <T> T read(Supplier<T> query) {
        ensureOpen();
        long stamp = lock.readLock();
        try {
            return query.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * An aggregate write: applied at once outside a transaction; inside one, held back until commit
     * with {@code after} (null for a delete) visible to the transaction's own reads by id. The
     * table has already checked it against what the transaction sees.
     */
    <A extends Aggregate<I, A>, I extends Comparable<I>> void write(MemoryTable<A, I> table, I id, @Nullable A after,
            MemoryTx.Op op) {
        ensureOpen();
        MemoryTx running = tx.get();
        if (running == null) {
            commit(List.of(op));
            return;
        }
        running.ops.add(op);
        running.put(table, id, after);
    }

    /** A write that is not an aggregate save (snapshots, tier history): deferred inside a transaction. */
    void write(MemoryTx.Op op) {
        ensureOpen();
        MemoryTx running = tx.get();
        if (running == null) {
            commit(List.of(op));
        } else {
            running.ops.add(op);
        }
    }

    private void commit(List<MemoryTx.Op> ops) {
        if (ops.isEmpty()) {
            return;
        }
        Deque<Runnable> undo = new ArrayDeque<>(ops.size());
        long stamp = lock.writeLock();
        try {
            for (MemoryTx.Op op : ops) {
                undo.push(op.apply());
            }
        } catch (RuntimeException | Error e) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw e;
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
