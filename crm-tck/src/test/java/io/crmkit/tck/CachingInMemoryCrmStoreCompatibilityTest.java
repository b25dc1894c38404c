package io.crmkit.tck;

import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.DisplayName;

/** Certifies the cache as a decorator: the whole kit through a fresh {@link CachingCrmStore} in front of a fresh in-memory store per test. */
@DisplayName("CachingCrmStore in front of InMemoryCrmStore passes the compatibility kit")
class CachingInMemoryCrmStoreCompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore createStore() {
        return CachingCrmStore.wrap(InMemoryCrmStore.create());
    }
}
