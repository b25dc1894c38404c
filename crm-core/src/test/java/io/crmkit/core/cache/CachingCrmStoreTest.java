package io.crmkit.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.tier.TierDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cache on its own, in front of the in-memory store; the compatibility kit certifies it in crm-tck and crm-jpa. */
@DisplayName("CachingCrmStore")
class CachingCrmStoreTest {
    private final InMemoryCrmStore inner = InMemoryCrmStore.create();

    private static Customer register(CachingCrmStore store, String name) {
        CrmSession session = Crm.builder().store(store).build().as(Actor.system("cache-test"));
        return session.customers().register(NewCustomer.individual(name).build());
    }

    @Test
    @DisplayName("reads a customer from the store once, then from memory, and counts hits and misses in its own stats record")
    void readsThroughAndCounts() {
        CachingCrmStore store = CachingCrmStore.wrap(inner, CacheConfig.custom().recordStats(true).build());
        Customer c = register(store, "Zhang Wei");

        for (int i = 0; i < 4; i++) {
            assertThat(store.customers().get(c.id())).isEqualTo(c);
        }

        CacheStats stats = store.stats().get("customers");
        assertThat(stats.hitCount()).isEqualTo(3);
        assertThat(stats.missCount()).isEqualTo(1);
        assertThat(stats.loadCount()).isEqualTo(1);
        assertThat(stats.hitRate()).isEqualTo(0.75);
        assertThat(store.stats()).containsOnlyKeys("customers", "pipelines", "pipelineList", "tierDefinitions");
        assertThat(store.sizes().get("customers")).isEqualTo(1L);
    }

    @Test
    @DisplayName("an entry written behind its back is served until it expires on the injected ticker, then read again")
    void expiresOnTheInjectedTicker() {
        AtomicLong nanos = new AtomicLong();
        CachingCrmStore store = CachingCrmStore.wrap(inner, CacheConfig.custom().expireAfterWrite(Duration.ofMinutes(1))
                .ticker(nanos::get).build());
        store.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold", 1));
        assertThat(store.tiers().definitions()).extracting(TierDefinition::name).containsExactly("Gold");

        inner.tiers().saveDefinition(TierDefinition.of("GOLD", "Gold (changed behind the cache)", 1));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(store.tiers().definitions()).as("still fresh").extracting(TierDefinition::name).containsExactly("Gold");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(store.tiers().definitions()).as("expired").extracting(TierDefinition::name)
                .containsExactly("Gold (changed behind the cache)");
    }

    @Test
    @DisplayName("stays within its bound")
    void bounded() {
        CachingCrmStore store = CachingCrmStore.wrap(inner, CacheConfig.custom().maximumCustomers(3).build());
        for (int i = 0; i < 20; i++) {
            Customer c = register(store, "Customer " + i);
            store.customers().get(c.id());
        }
        assertThat(store.sizes().get("customers")).isLessThanOrEqualTo(3L);
    }

    @Test
    @DisplayName("the configuration refuses out-of-range settings with a ValidationException naming the setting, and copies with from()")
    void validatesConfiguration() {
        assertThatThrownBy(() -> CacheConfig.custom().maximumCustomers(-1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("maximumCustomers");
        assertThatThrownBy(() -> CacheConfig.custom().maximumPipelines(CacheConfig.MAX_PIPELINES + 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maximumPipelines");
        assertThatThrownBy(() -> CacheConfig.custom().expireAfterWrite(Duration.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("expireAfterWrite");
        assertThatThrownBy(() -> CacheConfig.custom().expireAfterWrite(Duration.ofDays(2))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CacheConfig.custom().ticker(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ticker");
        CacheConfig config = CacheConfig.custom().maximumPipelines(7).expireAfterWrite(Duration.ofSeconds(30)).recordStats(true).build();
        CacheConfig copy = CacheConfig.from(config).build();
        assertThat(List.of(copy.maximumPipelines(), copy.expireAfterWrite(), copy.recordStats(), copy.ticker()))
                .containsExactly(7, Duration.ofSeconds(30), true, config.ticker());
    }

    @Test
    @DisplayName("no Caffeine type appears in the public API")
    void noCaffeineInTheApi() {
        for (Class<?> type : List.of(CachingCrmStore.class, CacheConfig.class, CacheConfig.Builder.class, CacheStats.class)) {
            for (Method m : type.getMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                assertThat(m.getGenericReturnType().getTypeName()).as("%s.%s returns", type.getSimpleName(), m.getName())
                        .doesNotContain("benmanes");
                for (var p : m.getGenericParameterTypes()) {
                    assertThat(p.getTypeName()).as("%s.%s takes", type.getSimpleName(), m.getName()).doesNotContain("benmanes");
                }
            }
        }
    }
}
