package io.crmkit.jpa.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import io.crmkit.core.error.StoreException;
import io.crmkit.jpa.Database;
import io.crmkit.jpa.HostTransaction;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;

/** Builds {@link JpaCrmStore}s. Stateless and thread-safe. */
public final class JpaStoreFactory {
    private static final List<Class<?>> ENTITIES = List.of(CustomerEntity.class, ContactEntity.class,
            RelationshipEntity.class, AccountEntity.class, SnapshotEntity.class, InteractionEntity.class,
            PipelineEntity.class, OpportunityEntity.class, TaskEntity.class, TierDefinitionEntity.class,
            TierAssignmentEntity.class, OrgUnitEntity.class, StaffEntity.class, AuditEntryEntity.class,
            PendingRequestEntity.class, AlertEntity.class, ErasureEntity.class, CaseEntity.class, SlaPolicyEntity.class,
            ConsentEntity.class, DoNotContactEntity.class, ContactAttemptEntity.class, MergeEntity.class, CampaignEntity.class,
            CampaignMemberEntity.class, EngagementEntity.class, ContentItemEntity.class, SubscriptionEntity.class,
            DeliveryEntity.class);

    private JpaStoreFactory() {
    }

    public static List<Class<?>> entityClasses() {
        return ENTITIES;
    }

    // property names as strings: the same names work on Hibernate 6.x and 7.x
    public static Map<String, Object> recommendedProperties(JpaStoreConfig config) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hibernate.jdbc.batch_size", config.jdbcBatchSize());
        p.put("hibernate.order_inserts", true);
        p.put("hibernate.order_updates", true);
        p.put("hibernate.jdbc.batch_versioned_data", true);
        p.put("hibernate.jdbc.fetch_size", config.fetchSize());
        p.put("hibernate.jdbc.time_zone", "UTC");
        p.put("hibernate.query.in_clause_parameter_padding", true);
        // Hibernate would otherwise log the database's message, which for a unique violation
        // contains the offending value (PostgreSQL: "Key (id_value)=(...)"); we translate instead
        p.put("hibernate.jdbc.log.errors", false);
        return p;
    }

    /** A store on an H2 URL with its own connection pool, disposed when the store closes. */
    public static JpaCrmStore ownedH2(String url, JpaStoreConfig config) {
        // opening an H2 session costs about a millisecond: without a pool that is paid per transaction
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        try {
            return owned(pool, config, HostTransaction.none(), pool::dispose);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    public static JpaCrmStore owned(DataSource dataSource, JpaStoreConfig config) {
        return owned(dataSource, config, HostTransaction.none(), () -> { });
    }

    /** A store with its own persistence unit that takes part in the host's transactions when one runs. */
    public static JpaCrmStore owned(DataSource dataSource, JpaStoreConfig config, HostTransaction host) {
        return owned(dataSource, config, host, () -> { });
    }

    private static JpaCrmStore owned(DataSource dataSource, JpaStoreConfig config, HostTransaction host,
            Runnable onClose) {
        Database database = Database.of(dataSource);
        DriverSafety.check(dataSource, database);
        LoggerSafety.check();
        if (config.migrate()) {
            SchemaMigrator.migrate(dataSource, database);
        }
        Configuration cfg = new Configuration();
        ENTITIES.forEach(cfg::addAnnotatedClass);
        Map<Object, Object> p = cfg.getProperties();
        p.putAll(recommendedProperties(config));
        p.put("hibernate.connection.datasource", dataSource);
        // the schema belongs to the Flyway migrations; Hibernate never creates or alters tables
        p.put("hibernate.hbm2ddl.auto", "none");
        p.put("hibernate.generate_statistics", config.statistics());
        p.put("hibernate.show_sql", false);
        // the domain records validate themselves; entities carry no constraints to check
        p.put("jakarta.persistence.validation.mode", "none");
        p.putAll(config.hibernateProperties());
        p.put("hibernate.hbm2ddl.auto", "none");
        SessionFactory sf;
        try {
            sf = cfg.buildSessionFactory();
        } catch (RuntimeException e) {
            // bootstrap errors describe mappings and settings, never stored values: safe to keep
            throw new StoreException("cannot start the JPA store on " + database + ": " + e.getMessage(), false, e);
        }
        return new JpaStore(new OwnedTransactions(sf, host), settings(config), database, sf, onClose);
    }

    public static JpaCrmStore joining(Supplier<EntityManager> entityManager, JpaStoreConfig config) {
        LoggerSafety.check();
        return new JpaStore(new HostTransactions(entityManager), settings(config), null, null, () -> { });
    }

    private static StoreSettings settings(JpaStoreConfig config) {
        return new StoreSettings(config.batchWritesInTransactions(), config.fetchSize(),
                config.fieldEncryption() == null ? Documents.PLAIN : new Documents(config.fieldEncryption()));
    }

}
