package io.crmkit.jpa.host;

import static io.crmkit.jpa.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.jpa.CrmSchema;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

/**
 * A host application with its own persistence unit (its own entity plus CRMKit's) and its own
 * resource-local transactions; the store joins them.
 */
@DisplayName("A store joining the host's entity manager")
class HostTransactionTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("rolls back the CRM write together with the host's write, and commits them together")
    void sharesTheHostTransaction(Vendor vendor) throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(vendor, "host")) {
            CrmSchema.migrate(db.dataSource());
            try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE host_order (id VARCHAR(64) NOT NULL PRIMARY KEY, instrument VARCHAR(32) NOT NULL)");
            }
            try (EntityManagerFactory emf = hostPersistenceUnit(db)) {
                ThreadLocal<EntityManager> current = new ThreadLocal<>();
                JpaCrmStore store = JpaCrmStore.joining(current::get);
                EntityManager em = emf.createEntityManager();
                current.set(em);

                em.getTransaction().begin();
                em.persist(new HostOrder("ORD-1", "600519.SH"));
                store.customers().save(customer("host-c1"));
                store.runInTransaction(() -> store.customers().save(customer("host-c2")));
                assertThat(em.getTransaction().isActive()).as("the store must not commit the host's transaction").isTrue();
                em.getTransaction().rollback();

                assertThat(rows(db, "host_order")).isZero();
                assertThat(rows(db, "crm_customer")).isZero();

                em.clear();
                em.getTransaction().begin();
                em.persist(new HostOrder("ORD-2", "600519.SH"));
                store.customers().save(customer("host-c3"));
                em.getTransaction().commit();

                assertThat(rows(db, "host_order")).isEqualTo(1);
                assertThat(store.customers().findById(CustomerId.of("host-c3"))).isPresent();

                // without a host transaction the store begins and commits one on the host's entity manager
                store.customers().save(customer("host-c4"));
                assertThat(rows(db, "crm_customer")).isEqualTo(2);
                em.close();
            }
        }
    }

    private static EntityManagerFactory hostPersistenceUnit(TestDatabase db) {
        Configuration cfg = new Configuration();
        JpaCrmStore.entityClasses().forEach(cfg::addAnnotatedClass);
        cfg.addAnnotatedClass(HostOrder.class);
        Map<Object, Object> p = cfg.getProperties();
        p.putAll(JpaCrmStore.recommendedProperties(JpaStoreConfig.ofDefaults()));
        p.put("hibernate.connection.datasource", db.dataSource());
        p.put("hibernate.hbm2ddl.auto", "none");
        p.put("jakarta.persistence.validation.mode", "none");
        return cfg.buildSessionFactory();
    }

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
