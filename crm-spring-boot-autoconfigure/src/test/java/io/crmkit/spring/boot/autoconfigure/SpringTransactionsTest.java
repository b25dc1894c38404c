package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.org.StaffId;

/**
 * A host application with plain JDBC (a {@code JdbcTemplate} and Spring's
 * {@code DataSourceTransactionManager}) on the DataSource the JPA store uses: a
 * {@code @Transactional} method's host rows and CRM rows commit or roll back together.
 */
@DisplayName("CRM writes inside a Spring-managed transaction")
class SpringTransactionsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class))
            .withUserConfiguration(HostApplication.class);

    @Test
    @DisplayName("commit keeps both the host's row and the CRM's; a failure of either side rolls both back")
    void joinsTheHostTransaction() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            OrderDesk desk = context.getBean(OrderDesk.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Crm crm = context.getBean(Crm.class);

            CustomerId kept = desk.openAccount("ORD-1", "110101199003070011", false);
            assertThat(orders(jdbc)).isEqualTo(1);
            assertThat(customers(jdbc)).isEqualTo(1);
            assertThat(crm.as(CrmAutoConfigurationTest.RM).customers().find(kept)).isPresent();

            // the host fails after both writes: both roll back
            assertThatThrownBy(() -> desk.openAccount("ORD-2", "110101199003070038", true))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(orders(jdbc)).isEqualTo(1);
            assertThat(customers(jdbc)).isEqualTo(1);

            // the CRM fails (identifier taken) after the host's write: both roll back
            assertThatThrownBy(() -> desk.openAccount("ORD-3", "110101199003070011", false))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(orders(jdbc)).isEqualTo(1);
            assertThat(customers(jdbc)).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("events reach listeners after the host commits, never for a rolled-back write; the cache forgets what the rollback undid")
    void eventsAndCacheFollowTheHost() {
        runner.withPropertyValues("crmkit.cache.enabled=true").run(context -> {
            OrderDesk desk = context.getBean(OrderDesk.class);
            List<CrmEvent> events = context.getBean(RecordingListener.class).events;
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Crm crm = context.getBean(Crm.class);

            CustomerId[] phantom = new CustomerId[1];
            tx.executeWithoutResult(status -> {
                phantom[0] = desk.writeBoth("ORD-7", "110101199003070011");
                // read inside the transaction: the cache loads the uncommitted row
                assertThat(crm.as(CrmAutoConfigurationTest.RM).customers().find(phantom[0])).isPresent();
                assertThat(events).as("nothing is delivered before the host commits").isEmpty();
                status.setRollbackOnly();
            });
            assertThat(events).as("a rolled-back write has no event").isEmpty();
            assertThat(crm.as(CrmAutoConfigurationTest.RM).customers().find(phantom[0])).isEmpty();

            CustomerId kept = tx.execute(status -> desk.writeBoth("ORD-8", "110101199003070038"));
            assertThat(events).singleElement().satisfies(e -> assertThat(e.customerId()).isEqualTo(kept));
        });
    }

    @Test
    @DisplayName("a programmatic rollback undoes the CRM rows too; a caught CRM failure undoes only that call")
    void programmaticTransactions() {
        runner.run(context -> {
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            OrderDesk desk = context.getBean(OrderDesk.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            tx.executeWithoutResult(status -> {
                desk.writeBoth("ORD-4", "110101199003070054");
                status.setRollbackOnly();
            });
            assertThat(orders(jdbc)).isZero();
            assertThat(customers(jdbc)).isZero();

            tx.executeWithoutResult(status -> {
                desk.writeBoth("ORD-5", "110101199003070070");
                assertThatThrownBy(() -> desk.writeBoth("ORD-6", "110101199003070070"))
                        .isInstanceOf(DuplicateKeyException.class);
            });
            // the failed CRM call left nothing; the host kept both its orders and the first customer
            assertThat(orders(jdbc)).isEqualTo(2);
            assertThat(customers(jdbc)).isEqualTo(1);
        });
    }

    private static long orders(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM host_order", Long.class);
    }

    private static long customers(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer", Long.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class HostApplication {
        @Bean
        DataSource dataSource() {
            DataSource ds = TestDataSources.freshH2();
            new JdbcTemplate(ds).execute("CREATE TABLE host_order (id VARCHAR(32) NOT NULL PRIMARY KEY)");
            return ds;
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }

        @Bean
        OrderDesk orderDesk(JdbcTemplate jdbcTemplate, Crm crm) {
            return new OrderDesk(jdbcTemplate, crm);
        }
    }

    /** Keeps what it was told. */
    static class RecordingListener implements CrmEventListener {
        final List<CrmEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void on(CrmEvent event) {
            events.add(event);
        }
    }

    /** The host's own service: an order row and a CRM customer in one transaction. */
    static class OrderDesk {
        private final JdbcTemplate jdbc;
        private final Crm crm;

        OrderDesk(JdbcTemplate jdbc, Crm crm) {
            this.jdbc = jdbc;
            this.crm = crm;
        }

        @Transactional
        public CustomerId openAccount(String order, String nationalId, boolean failAfterwards) {
            CustomerId id = writeBoth(order, nationalId);
            if (failAfterwards) {
                throw new IllegalStateException("the host fails after both writes");
            }
            return id;
        }

        CustomerId writeBoth(String order, String nationalId) {
            jdbc.update("INSERT INTO host_order (id) VALUES (?)", order);
            return crm.as(CrmAutoConfigurationTest.RM).customers().register(NewCustomer.individual("Wang Fang")
                    .identifier(Identifier.nationalId("CN", nationalId)).owner(StaffId.of("rm-017")).active().build()).id();
        }
    }
}
