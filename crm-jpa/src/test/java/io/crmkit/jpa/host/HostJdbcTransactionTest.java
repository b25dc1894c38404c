package io.crmkit.jpa.host;

import static io.crmkit.jpa.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.jpa.HostTransaction;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

/**
 * A host that manages its transactions with plain JDBC on the store's database (as Spring's
 * {@code DataSourceTransactionManager} does): the store keeps its own persistence unit but writes
 * through the host's connection while the host's transaction runs.
 */
@DisplayName("A store taking part in the host's JDBC transaction")
class HostJdbcTransactionTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("commits and rolls back the CRM rows with the host's rows, and undoes only a failed CRM unit")
    void followsTheHostTransaction(Vendor vendor) throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(vendor, "hostjdbc")) {
            ThreadLocal<Connection> hostTx = new ThreadLocal<>();
            HostTransaction host = () -> Optional.ofNullable(hostTx.get());
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.ofDefaults(), host);
                 Connection c = db.openConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE host_order (id VARCHAR(64) NOT NULL PRIMARY KEY)");
                }
                c.setAutoCommit(false);
                hostTx.set(c);

                insertOrder(c, "ORD-1");
                store.customers().save(customer("hj-c1"));
                store.runInTransaction(() -> store.customers().save(customer("hj-c2")));
                assertThat(store.customers().findById(CustomerId.of("hj-c2"))).as("reads inside see the host's writes").isPresent();
                assertThat(rows(db, "crm_customer")).as("nothing is visible before the host commits").isZero();
                c.rollback();
                assertThat(rows(db, "host_order")).isZero();
                assertThat(rows(db, "crm_customer")).isZero();

                insertOrder(c, "ORD-2");
                store.customers().save(customer("hj-c3"));
                // a failed unit is undone alone: the host's transaction stays usable
                assertThatThrownBy(() -> store.runInTransaction(() -> {
                    store.customers().save(customer("hj-c4"));
                    store.customers().save(customer("hj-c3")); // taken id
                })).isInstanceOf(ConflictException.class);
                insertOrder(c, "ORD-3");
                c.commit();
                hostTx.remove();

                assertThat(rows(db, "host_order")).isEqualTo(2);
                assertThat(store.customers().findById(CustomerId.of("hj-c3"))).isPresent();
                assertThat(store.customers().findById(CustomerId.of("hj-c4"))).isEmpty();
                assertThat(c.isClosed()).as("the store never closes the host's connection").isFalse();

                // without a host transaction the store runs its own
                store.customers().save(customer("hj-c5"));
                assertThat(rows(db, "crm_customer")).isEqualTo(2);
            }
        }
    }

    private static void insertOrder(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO host_order (id) VALUES (?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
