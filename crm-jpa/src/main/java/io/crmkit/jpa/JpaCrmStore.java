package io.crmkit.jpa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.internal.JpaStoreFactory;

/**
 * The CRMKit store on the firm's own database through Jakarta Persistence (Hibernate ORM). Two
 * ways to start:
 *
 * <ol>
 *   <li><b>Own persistence unit</b>: {@link #create(DataSource, JpaStoreConfig)} runs the Flyway
 *       migrations (unless switched off) and builds its own {@code EntityManagerFactory};
 *       {@link #inMemoryH2(String)} and {@link #h2File(Path)} do the same on an embedded H2
 *       database. {@link #inTransaction} begins and commits resource-local transactions, or, with
 *       a {@link HostTransaction} ({@link #create(DataSource, JpaStoreConfig, HostTransaction)}),
 *       works inside the host's JDBC transaction when one runs.</li>
 *   <li><b>Joining the host</b>: {@link #joining(Supplier)} uses the host's entity manager, whose
 *       persistence unit lists {@link #entityClasses()} and ideally {@link #recommendedProperties};
 *       CRM writes then commit or roll back with the host's own writes. The host runs the
 *       migrations ({@link CrmSchema#migrate} or its own Flyway with
 *       {@link Database#migrationLocation()}).</li>
 * </ol>
 *
 * <p>Every failure leaves as one of CRMKit's exceptions ({@code ConflictException} for a stale
 * version, {@code DuplicateKeyException} for a taken natural key, {@code StoreException} for the
 * rest), whose messages never contain the database's message or any stored value.
 *
 * <p>Thread-safe. Close a store that built its own persistence unit to release it; closing a
 * joining store does nothing.
 */
public interface JpaCrmStore extends CrmStore, AutoCloseable {

    /**
     * The re-encryption job for a key rotation (see {@link io.crmkit.jpa.crypto.KeyRotation}).
     *
     * @throws ValidationException if the store was built without
     *     {@link JpaStoreConfig.Builder#fieldEncryption field encryption}
     */
    io.crmkit.jpa.crypto.KeyRotation keyRotation();

    /** A store on {@code dataSource} with the default configuration. */
    static JpaCrmStore create(DataSource dataSource) {
        return create(dataSource, JpaStoreConfig.ofDefaults());
    }

    /**
     * A store with its own persistence unit on {@code dataSource} (H2, PostgreSQL or MariaDB),
     * migrated first when {@link JpaStoreConfig#migrate()} is on.
     *
     * @throws ValidationException if an argument is null or the database is not a supported one
     * @throws io.crmkit.core.error.StoreException if the database cannot be reached or migrated
     */
    static JpaCrmStore create(DataSource dataSource, JpaStoreConfig config) {
        Check.notNull(dataSource, "dataSource");
        Check.notNull(config, "config");
        return JpaStoreFactory.owned(dataSource, config);
    }

    /**
     * {@link #create(DataSource, JpaStoreConfig)} for a host that manages transactions with plain
     * JDBC on the same database: while {@code host} reports a transaction on the calling thread,
     * the store writes through its connection and the host's commit or rollback decides for the CRM
     * rows too (see {@link HostTransaction}); otherwise the store runs its own transactions. The
     * Spring Boot starter passes Spring's transaction of the {@code DataSource}.
     *
     * @throws ValidationException if an argument is null or the database is not a supported one
     * @throws io.crmkit.core.error.StoreException if the database cannot be reached or migrated
     */
    static JpaCrmStore create(DataSource dataSource, JpaStoreConfig config, HostTransaction host) {
        Check.notNull(dataSource, "dataSource");
        Check.notNull(config, "config");
        Check.notNull(host, "host");
        return JpaStoreFactory.owned(dataSource, config, host);
    }

    /**
     * A store on a private in-memory H2 database named {@code name}, kept until the JVM exits. The
     * store keeps a small connection pool of its own and closes it on {@link #close()}.
     */
    static JpaCrmStore inMemoryH2(String name) {
        return inMemoryH2(name, JpaStoreConfig.ofDefaults());
    }

    /** {@link #inMemoryH2(String)} with a configuration. */
    static JpaCrmStore inMemoryH2(String name, JpaStoreConfig config) {
        Check.notNull(name, "name");
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw ValidationException.of("name", "DatabaseName", "must be 1 to 64 letters, digits or '_'");
        }
        return JpaStoreFactory.ownedH2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", config);
    }

    /** A store on an H2 database in {@code file} (created if missing; H2 adds {@code .mv.db}). */
    static JpaCrmStore h2File(Path file) {
        return h2File(file, JpaStoreConfig.ofDefaults());
    }

    /** {@link #h2File(Path)} with a configuration. */
    static JpaCrmStore h2File(Path file, JpaStoreConfig config) {
        Check.notNull(file, "file");
        return JpaStoreFactory.ownedH2("jdbc:h2:file:" + file.toAbsolutePath(), config);
    }

    /**
     * A store that works inside the host's persistence unit and transactions.
     *
     * @param entityManager returns the calling thread's current entity manager, for example a
     *     container-managed or Spring shared entity manager
     */
    static JpaCrmStore joining(Supplier<EntityManager> entityManager) {
        return joining(entityManager, JpaStoreConfig.ofDefaults());
    }

    /** {@link #joining(Supplier)} with a configuration (fetch size and write batching apply). */
    static JpaCrmStore joining(Supplier<EntityManager> entityManager, JpaStoreConfig config) {
        Check.notNull(entityManager, "entityManager");
        Check.notNull(config, "config");
        return JpaStoreFactory.joining(entityManager, config);
    }

    /** The entity classes a host's persistence unit must list to use {@link #joining(Supplier)}. */
    static List<Class<?>> entityClasses() {
        return JpaStoreFactory.entityClasses();
    }

    /**
     * The Hibernate settings the store relies on for batching and time zones, for a host's
     * persistence unit: JDBC batch size, ordered inserts and updates, batched versioned data, UTC.
     */
    static Map<String, Object> recommendedProperties(JpaStoreConfig config) {
        return JpaStoreFactory.recommendedProperties(config);
    }

    /**
     * The persistence provider's object of type {@code type}: {@code EntityManagerFactory} or
     * Hibernate's {@code SessionFactory} (for statistics) of a store with its own persistence unit.
     *
     * @throws ValidationException naming {@code type} if the store has no such object
     * @throws io.crmkit.core.error.StoreException if the store is closed
     */
    <T> T unwrap(Class<T> type);

    /**
     * Releases the store's own persistence unit, if it has one. Afterwards every repository call
     * and transaction throws {@link io.crmkit.core.error.StoreException}. Idempotent.
     */
    @Override
    void close();
}
