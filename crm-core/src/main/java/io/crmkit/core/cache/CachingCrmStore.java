package io.crmkit.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
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
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.core.tier.TierDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A read-through cache in front of any {@link CrmStore}: tier definitions, pipelines (by id and
 * the whole list) and customers by id are kept in bounded caches (Caffeine inside, never in the
 * API); everything else goes straight to the store. It passes the compatibility kit in front of the
 * in-memory store and in front of crm-jpa.
 *
 * <pre>{@code
 * CachingCrmStore cached = CachingCrmStore.wrap(store, CacheConfig.custom().maximumCustomers(50_000).recordStats(true).build());
 * Crm crm = Crm.builder().store(cached).build();
 * double hitRate = cached.stats().get("customers").hitRate();
 * }</pre>
 *
 * <p>Contract: a write through this store evicts the entries it touches at once and again when
 * the write's transaction ends (commit or rollback), so no reader keeps a value older than the
 * last write it could see. Inside a transaction, entries the transaction wrote are read from the
 * store (it sees its own writes and never publishes uncommitted ones); other entries are served
 * from the cache when present (the latest committed value, which may be newer than the
 * transaction's snapshot), and a miss is read from the store without being cached. Writes that bypass this
 * store (another process, SQL, a host transaction committing later than the store's call) are
 * seen once the entry expires ({@link CacheConfig#expireAfterWrite()}), so route every write
 * through it or keep the expiry short. Absent customers are not cached.
 *
 * <p>Thread-safe.
 */
public final class CachingCrmStore implements CrmStore {
    private final CrmStore delegate;
    private final WriteTracker tracker = new WriteTracker();
    private final Cache<CustomerId, Customer> customerCache;
    private final Cache<PipelineId, Pipeline> pipelineCache;
    private final Cache<String, List<Pipeline>> pipelineListCache;
    private final Cache<String, List<TierDefinition>> tierCache;
    private final CustomerRepository customers;
    private final PipelineRepository pipelines;
    private final TierRepository tiers;

    private CachingCrmStore(CrmStore delegate, CacheConfig config) {
        this.delegate = delegate;
        this.customerCache = cache(config, config.maximumCustomers());
        this.pipelineCache = cache(config, config.maximumPipelines());
        this.pipelineListCache = cache(config, 1);
        this.tierCache = cache(config, 1);
        this.customers = new CachingCustomers(delegate.customers(), customerCache, tracker);
        this.pipelines = new CachingPipelines(delegate.pipelines(), pipelineCache, pipelineListCache, tracker);
        this.tiers = new CachingTiers(delegate.tiers(), tierCache, tracker);
    }

    /** Puts a cache with the default configuration in front of {@code store}. */
    public static CachingCrmStore wrap(CrmStore store) {
        return wrap(store, CacheConfig.ofDefaults());
    }

    /** Puts a cache configured by {@code config} in front of {@code store}. */
    public static CachingCrmStore wrap(CrmStore store, CacheConfig config) {
        Check.notNull(store, "store");
        Check.notNull(config, "config");
        return new CachingCrmStore(store, config);
    }

    private static <K, V> Cache<K, V> cache(CacheConfig config, int maximum) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximum)
                .expireAfterWrite(config.expireAfterWrite()).ticker(config.ticker()::getAsLong);
        if (config.recordStats()) {
            builder.recordStats();
        }
        return builder.build();
    }

    /**
     * Hit, miss, load and eviction counts per cache, keyed {@code customers}, {@code pipelines},
     * {@code pipelineList} and {@code tierDefinitions} (all zero unless {@link CacheConfig#recordStats()}).
     */
    public Map<String, CacheStats> stats() {
        Map<String, CacheStats> stats = new LinkedHashMap<>();
        stats.put("customers", stats(customerCache));
        stats.put("pipelines", stats(pipelineCache));
        stats.put("pipelineList", stats(pipelineListCache));
        stats.put("tierDefinitions", stats(tierCache));
        return stats;
    }

    private static CacheStats stats(Cache<?, ?> cache) {
        com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.loadSuccessCount(), s.evictionCount());
    }

    /** How many entries each cache holds now (after pending evictions are applied), keyed as {@link #stats()}. */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("customers", size(customerCache));
        sizes.put("pipelines", size(pipelineCache));
        sizes.put("pipelineList", size(pipelineListCache));
        sizes.put("tierDefinitions", size(tierCache));
        return sizes;
    }

    private static long size(Cache<?, ?> cache) {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Empties every cache, for example after the database was changed behind the store's back. */
    public void invalidateAll() {
        customerCache.invalidateAll();
        pipelineCache.invalidateAll();
        pipelineListCache.invalidateAll();
        tierCache.invalidateAll();
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    /** The wrapped store's own answer: one round trip there beats one cached row and nine reads. */
    @Override
    public java.util.Optional<io.crmkit.core.spi.CustomerViewData> customerView(io.crmkit.core.customer.CustomerId id,
            io.crmkit.core.spi.CustomerViewData.ViewRequest request) {
        return delegate.customerView(id, request);
    }

    @Override
    public ContactRepository contacts() {
        return delegate.contacts();
    }

    @Override
    public RelationshipRepository relationships() {
        return delegate.relationships();
    }

    @Override
    public AccountRepository accounts() {
        return delegate.accounts();
    }

    @Override
    public InteractionRepository interactions() {
        return delegate.interactions();
    }

    @Override
    public OpportunityRepository opportunities() {
        return delegate.opportunities();
    }

    @Override
    public PipelineRepository pipelines() {
        return pipelines;
    }

    @Override
    public TaskRepository tasks() {
        return delegate.tasks();
    }

    @Override
    public TierRepository tiers() {
        return tiers;
    }

    @Override
    public OrgUnitRepository orgUnits() {
        return delegate.orgUnits();
    }

    @Override
    public StaffRepository staff() {
        return delegate.staff();
    }

    @Override
    public io.crmkit.core.spi.AuditRepository audit() {
        return delegate.audit();
    }

    @Override
    public io.crmkit.core.spi.PendingRequestRepository approvals() {
        return delegate.approvals();
    }

    @Override
    public AlertRepository alerts() {
        return delegate.alerts();
    }

    // Campaigns and the information service are not cached: their reads are reports and bulk plans.
    @Override public io.crmkit.core.spi.CampaignRepository campaigns() { return delegate.campaigns(); }

    @Override public io.crmkit.core.spi.CampaignMemberRepository campaignMembers() { return delegate.campaignMembers(); }

    @Override public io.crmkit.core.spi.EngagementRepository engagements() { return delegate.engagements(); }

    @Override public io.crmkit.core.spi.ContentRepository contents() { return delegate.contents(); }

    @Override public io.crmkit.core.spi.SubscriptionRepository subscriptions() { return delegate.subscriptions(); }

    @Override public io.crmkit.core.spi.DeliveryRepository deliveries() { return delegate.deliveries(); }

    @Override
    public io.crmkit.core.spi.ErasureRepository erasures() {
        return delegate.erasures();
    }

    /**
     * A snapshot of every value the caches hold now (customers, pipelines, tier definitions), for
     * checking what the cache keeps — for example that no erased customer's data outlives its
     * erasure here. Not for reading data: use the repositories.
     */
    public List<Object> cachedValues() {
        List<Object> out = new java.util.ArrayList<>(customerCache.asMap().values());
        out.addAll(pipelineCache.asMap().values());
        pipelineListCache.asMap().values().forEach(out::addAll);
        tierCache.asMap().values().forEach(out::addAll);
        return out;
    }

    @Override
    public io.crmkit.core.spi.CaseRepository cases() {
        return delegate.cases();
    }

    @Override
    public io.crmkit.core.spi.SlaPolicyRepository slaPolicies() {
        return delegate.slaPolicies();

    }

    @Override
    public io.crmkit.core.spi.ConsentRepository consents() {
        return delegate.consents();
    }

    @Override
    public io.crmkit.core.spi.DoNotContactRepository doNotContact() {
        return delegate.doNotContact();
    }

    @Override
    public io.crmkit.core.spi.ContactLogRepository contactLog() {
        return delegate.contactLog();
    }

    @Override
    public io.crmkit.core.spi.MergeRepository merges() {
        return delegate.merges();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tracker.around(() -> delegate.inTransaction(work));
    }

    @Override
    public String toString() {
        return "CachingCrmStore[" + delegate + "]";
    }
}
