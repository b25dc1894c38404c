package io.crmkit.tck;

import io.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The root of every contract group: gives the group the store under test. The groups are abstract
 * classes so that {@link CrmStoreCompatibilityKit} can compose them as {@code @Nested} inner classes;
 * an integrator may also extend a single group to run only that part of the contract.
 *
 * <p>Every test builds its own data with fresh ids and natural keys and never assumes the store is
 * empty, so one store may serve every test (see {@link CrmStoreCompatibilityKit}).
 *
 * <p>Every group and test carries a sentence-style {@code @DisplayName}, and a failure's message
 * starts with the group and test it came from ({@code customers › rejects ...: }), so a report names
 * the aggregate even where several groups share a test.
 */
@ExtendWith(GroupNames.class)
public abstract class StoreContract {
    /** The store under test. */
    protected abstract CrmStore store();
}
