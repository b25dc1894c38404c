package io.crmkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.cache.CacheConfig;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;

@DisplayName("CRMKit's Micrometer meters")
class CrmMetricsTest {
    private static final Actor RM = Actor.staff(StaffId.of("rm-017"), OrgUnitId.of("br-sh-01"), "RM");
    private static final Actor CHECKER = Actor.staff(StaffId.of("bm-002"), OrgUnitId.of("br-sh-01"), "BM");

    private SimpleMeterRegistry registry;
    private final Map<String, Map<String, String>> observed = new ConcurrentHashMap<>();
    private Crm crm;
    private CachingCrmStore cache;
    private final Set<String> ids = new HashSet<>();

    @BeforeEach
    void setUp() {
        registry = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                Map<String, String> keys = new java.util.TreeMap<>();
                context.getLowCardinalityKeyValues().forEach(kv -> keys.put(kv.getKey(), kv.getValue()));
                observed.put(context.getName() + " " + context.getContextualName() + " " + keys.get("outcome"), keys);
            }
        });
        CrmMetrics metrics = CrmMetrics.builder(registry).observations(observations).pendingRefresh(Duration.ZERO).build();
        cache = CachingCrmStore.wrap(metrics.meter(InMemoryCrmStore.create()), CacheConfig.custom().recordStats(true).build());
        crm = Crm.builder().store(cache).interceptor(metrics.interceptor()).listener(metrics.listener())
                .fourEyes(FourEyes.builder().rule(ApprovalRule.lifecycleTo(LifecycleStage.CLOSED)).build()).build();
        metrics.bind(crm);
    }

    private Customer register(String nationalId) {
        Customer c = crm.as(RM).customers().register(NewCustomer.individual("Zhang Wei")
                .identifier(Identifier.nationalId("CN", nationalId)).owner(StaffId.of("rm-017")).active().build());
        ids.add(c.id().value());
        return c;
    }

    private double timerCount(String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    @DisplayName("time every write by operation and outcome, with an observation for traces")
    void operations() {
        register("110101199003070011");
        assertThatThrownBy(() -> register("110101199003070011")).isInstanceOf(DuplicateKeyException.class);

        assertThat(timerCount(CrmMetrics.OPERATIONS, "operation", "customer.register", "aggregate", "Customer",
                "outcome", "success")).isEqualTo(1);
        assertThat(timerCount(CrmMetrics.OPERATIONS, "operation", "customer.register", "outcome", "duplicate")).isEqualTo(1);
        assertThat(observed).containsKey(CrmMetrics.OPERATION_OBSERVATION + " customer.register success");
        assertThat(observed.get(CrmMetrics.OPERATION_OBSERVATION + " customer.register duplicate"))
                .containsEntry("operation", "customer.register").containsEntry("aggregate", "Customer");
        assertThat(registry.find(CrmMetrics.EVENTS).tag("type", "CustomerRegistered").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("time the calls that reach the store, beneath the cache, and count the cache's hits and misses")
    void storeAndCache() {
        Customer c = register("110101199003070038");
        CrmSession rm = crm.as(RM);
        rm.customers().get(c.id());
        rm.customers().get(c.id());

        assertThat(timerCount(CrmMetrics.STORE_CALLS, "repository", "customers", "method", "save", "outcome", "success"))
                .isGreaterThanOrEqualTo(1);
        assertThat(timerCount(CrmMetrics.STORE_TRANSACTIONS, "outcome", "success")).isGreaterThanOrEqualTo(1);
        double hits = registry.find(CrmMetrics.CACHE_GETS).tags("cache", "customers", "result", "hit").functionCounter().count();
        double misses = registry.find(CrmMetrics.CACHE_GETS).tags("cache", "customers", "result", "miss").functionCounter().count();
        assertThat(hits).isGreaterThanOrEqualTo(1);
        assertThat(hits + misses).isEqualTo(cache.stats().get("customers").requestCount());
        assertThat(registry.find(CrmMetrics.CACHE_SIZE).tag("cache", "customers").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("count alerts by severity, parked changes and decisions, and gauge the pending approvals")
    void alertsAndApprovals() {
        Customer c = register("110101199003070054");
        Alert alert = crm.as(RM).alerts().raise(new NewAlert(null, "large-outflow", c.id(), null, AlertSeverity.MEDIUM,
                null, "outflow above the limit", "evt-1", Instant.parse("2026-12-01T09:00:00Z")));
        ids.add(alert.id().value());
        assertThat(registry.find(CrmMetrics.ALERTS_RAISED).tag("severity", "medium").counter().count()).isEqualTo(1);

        assertThat(registry.find(CrmMetrics.APPROVALS_PENDING).gauge().value()).isZero();
        ApprovalRequiredException parked = org.assertj.core.api.Assertions.catchThrowableOfType(
                ApprovalRequiredException.class,
                () -> crm.as(RM).customers().changeLifecycle(c.id(), LifecycleStage.CLOSED,
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC), "moved abroad"));
        assertThat(parked).isNotNull();
        ids.add(parked.requestId().value());
        assertThat(timerCount(CrmMetrics.OPERATIONS, "operation", "customer.changeLifecycle", "outcome", "approval_required"))
                .isEqualTo(1);
        assertThat(registry.find(CrmMetrics.APPROVALS_SUBMITTED).tag("operation", Operation.CUSTOMER_LIFECYCLE.code())
                .counter().count()).isEqualTo(1);
        assertThat(registry.find(CrmMetrics.APPROVALS_PENDING).gauge().value()).isEqualTo(1);

        crm.as(CHECKER).approvals().approve(parked.requestId(), "checked");
        assertThat(registry.find(CrmMetrics.APPROVALS_PENDING).gauge().value()).isZero();
        assertThat(registry.find(CrmMetrics.APPROVALS_DECIDED).tag("status", "approved").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("never use an id as a tag value: every tag of every meter comes from a small fixed set")
    void lowCardinality() {
        for (String nationalId : List.of("110101199003070011", "110101199003070038", "110101199003070054")) {
            Customer c = register(nationalId);
            crm.as(RM).customers().get(c.id());
            Alert a = crm.as(RM).alerts().raise(new NewAlert(null, "large-outflow", c.id(), null, AlertSeverity.LOW,
                    null, "outflow above the limit", "evt-" + c.id().value(), Instant.parse("2026-12-01T09:00:00Z")));
            ids.add(a.id().value());
        }
        ids.add(RM.id());
        List<String> values = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                values.add(tag.getValue());
            }
        }
        assertThat(values).isNotEmpty().doesNotContainAnyElementsOf(ids);
        // ids are ULIDs or host keys: long runs of digits and capitals; tag values are words and codes
        assertThat(values).noneMatch(v -> v.matches(".*[0-9A-Z]{10,}.*") || v.matches(".*\\d{4,}.*"));
        assertThat(observed.values()).allSatisfy(keys -> assertThat(keys.values()).doesNotContainAnyElementsOf(ids));
    }
}
