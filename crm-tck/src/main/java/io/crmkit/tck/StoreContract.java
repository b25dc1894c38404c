package io.crmkit.tck;

import io.crmkit.core.spi.CrmStore;

/**
 * The root of every contract group: gives the group the store under test. The groups are abstract
 * classes so that {@link CrmStoreCompatibilityKit} can compose them as {@code @Nested} inner classes;
 * an integrator may also extend a single group to run only that part of the contract.
 *
 * <p>Every test builds its own data with fresh ids and natural keys and never assumes the store is
 * empty, so one store may serve every test (see {@link CrmStoreCompatibilityKit}).
 */
public abstract class StoreContract {
    /** The store under test. */
    protected abstract CrmStore store();
}
