package io.crmkit.tck;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.DisplayName;

/**
 * Certifies the in-memory reference store: the whole compatibility kit, on a fresh, empty store per
 * test. This is also the shape of an integrator's own certification test.
 */
@DisplayName("InMemoryCrmStore passes the compatibility kit")
class InMemoryCrmStoreCompatibilityTest extends CrmStoreCompatibilityKit {
    @Override
    protected CrmStore createStore() {
        return InMemoryCrmStore.create();
    }
}
