package io.crmkit.micrometer;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.crmkit.core.Crm;
import io.crmkit.core.cache.CacheStats;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.spi.CrmStore;

/**
 * Micrometer meters and observations for a {@link Crm}. Wire its three parts into the builder,
 * then bind the gauges once the {@code Crm} exists:
 *
 * <pre>{@code
 * CrmMetrics metrics = CrmMetrics.builder(meterRegistry).observations(observationRegistry).build();
 * Crm crm = Crm.builder()
 *         .store(CachingCrmStore.wrap(metrics.meter(store)))   // store latency, beneath the cache
 *         .interceptor(metrics.interceptor())                  // operations by outcome, traces, alerts
 *         .listener(metrics.listener())                        // events, approvals
 *         .build();
 * metrics.bind(crm);                                           // pending approvals, cache statistics
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><td>{@value #OPERATIONS} (timer)</td><td>operation, aggregate, outcome</td></tr>
 *   <tr><td>{@value #STORE_CALLS} (timer)</td><td>repository, method, outcome</td></tr>
 *   <tr><td>{@value #STORE_TRANSACTIONS} (timer)</td><td>outcome</td></tr>
 *   <tr><td>{@value #EVENTS} (counter)</td><td>type</td></tr>
 *   <tr><td>{@value #ALERTS_RAISED} (counter)</td><td>severity</td></tr>
 *   <tr><td>{@value #APPROVALS_SUBMITTED}, {@value #APPROVALS_DECIDED} (counters)</td><td>operation; status</td></tr>
 *   <tr><td>{@value #APPROVALS_PENDING} (gauge)</td><td></td></tr>
 *   <tr><td>{@value #CACHE_GETS} (counter), {@value #CACHE_LOADS}, {@value #CACHE_EVICTIONS}, {@value #CACHE_SIZE}</td><td>cache, result</td></tr>
 * </table>
 *
 * <p>Every tag value comes from a fixed set (operation codes, repository and method names of the
 * SPI, outcomes, enum constants): never a customer, actor or record id, so the number of time
 * series stays bounded whatever the data. The outcome is one of {@code success}, {@code invalid},
 * {@code denied}, {@code not_found}, {@code duplicate}, {@code conflict},
 * {@code approval_required}, {@code store_transient}, {@code store_error}, {@code error}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmMetrics {
    public static final String OPERATIONS = "crmkit.operations";
    /** The observation around each write; a meter observation handler records it as a timer of this name. */
    public static final String OPERATION_OBSERVATION = "crmkit.operation";
    public static final String STORE_CALLS = "crmkit.store.calls";
    public static final String STORE_TRANSACTIONS = "crmkit.store.transactions";
    public static final String EVENTS = "crmkit.events";
    public static final String ALERTS_RAISED = "crmkit.alerts.raised";
    public static final String APPROVALS_SUBMITTED = "crmkit.approvals.submitted";
    public static final String APPROVALS_DECIDED = "crmkit.approvals.decided";
    public static final String APPROVALS_PENDING = "crmkit.approvals.pending";
    public static final String CACHE_GETS = "crmkit.cache.gets";
    public static final String CACHE_LOADS = "crmkit.cache.loads";
    public static final String CACHE_EVICTIONS = "crmkit.cache.evictions";
    public static final String CACHE_SIZE = "crmkit.cache.size";

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Duration pendingRefresh;
    private final MeteredCommands interceptor;
    private final MeteredEvents listener;

    private CrmMetrics(Builder b) {
        this.registry = b.registry;
        this.observations = b.observations;
        this.pendingRefresh = b.pendingRefresh;
        this.interceptor = new MeteredCommands(registry, observations);
        this.listener = new MeteredEvents(registry);
    }

    /** Meters in {@code registry}; no observations until {@link Builder#observations} is set. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    /** The interceptor that times writes and opens their observations; add it to {@code Crm.builder()}. */
    public CommandInterceptor interceptor() {
        return interceptor;
    }

    /** The listener that counts committed events; add it to {@code Crm.builder()}. */
    public CrmEventListener listener() {
        return listener;
    }

    /** {@code store}, timed; idempotent. Put it beneath a read cache, so it times what reaches the store. */
    public CrmStore meter(CrmStore store) {
        notNull(store, "store");
        return MeteredStore.wrap(store, registry);
    }

    /**
     * Registers the gauges of {@code crm}: the pending approvals (when the store keeps them; counted
     * through the SPI at most once per refresh interval) and, when {@code crm.store()} is a
     * {@link CachingCrmStore}, each cache's gets by result, loads, evictions and size.
     */
    public void bind(Crm crm) {
        notNull(crm, "crm");
        PendingCount pending = PendingCount.of(crm.store(), pendingRefresh, registry.config().clock());
        if (pending != null) {
            // strong: nothing else holds the counter, and a gauge keeps only a weak reference by default
            Gauge.builder(APPROVALS_PENDING, pending, PendingCount::value).strongReference(true)
                    .description("Maker-checker requests waiting for a decision").register(registry);
        }
        if (crm.store() instanceof CachingCrmStore cache) {
            for (String name : cache.stats().keySet()) {
                FunctionCounter.builder(CACHE_GETS, cache, c -> stat(c, name).hitCount()).tag("cache", name)
                        .tag("result", "hit").description("Reads answered by the CRMKit cache").register(registry);
                FunctionCounter.builder(CACHE_GETS, cache, c -> stat(c, name).missCount()).tag("cache", name)
                        .tag("result", "miss").description("Reads the CRMKit cache passed to the store").register(registry);
                FunctionCounter.builder(CACHE_LOADS, cache, c -> stat(c, name).loadCount()).tag("cache", name)
                        .register(registry);
                FunctionCounter.builder(CACHE_EVICTIONS, cache, c -> stat(c, name).evictionCount()).tag("cache", name)
                        .register(registry);
                Gauge.builder(CACHE_SIZE, cache, c -> c.sizes().getOrDefault(name, 0L)).tag("cache", name)
                        .register(registry);
            }
        }
    }

    private static CacheStats stat(CachingCrmStore cache, String name) {
        CacheStats stats = cache.stats().get(name);
        return stats == null ? new CacheStats(0, 0, 0, 0) : stats;
    }

    // crm-core's own Check is exported to the modules of the first wave only; the rule is the same
    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "NotNull", "must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "CrmMetrics[observations=" + (observations != ObservationRegistry.NOOP) + "]";
    }

    /** Builds {@link CrmMetrics}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        private Duration pendingRefresh = Duration.ofSeconds(30);

        private Builder(MeterRegistry registry) {
            this.registry = notNull(registry, "registry");
        }

        /** Where the observations around writes go (traces); default: nowhere. */
        public Builder observations(ObservationRegistry value) {
            observations = notNull(value, "observations");
            return this;
        }

        /** How long a count of pending approvals is reused, 0 (count on every read) to 1 hour; default 30 seconds. */
        public Builder pendingRefresh(Duration value) {
            notNull(value, "pendingRefresh");
            if (value.isNegative() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw ValidationException.of("pendingRefresh", "Range", "must be between 0 and 1 hour");
            }
            pendingRefresh = value;
            return this;
        }

        public CrmMetrics build() {
            return new CrmMetrics(this);
        }
    }
}
