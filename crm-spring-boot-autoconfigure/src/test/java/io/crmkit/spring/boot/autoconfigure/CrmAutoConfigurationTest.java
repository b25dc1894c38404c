package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.CrmSchema;
import io.crmkit.jpa.JpaCrmStore;

@DisplayName("The CRMKit auto-configuration")
class CrmAutoConfigurationTest {
    static final Actor RM = Actor.staff(StaffId.of("rm-017"), OrgUnitId.of("br-sh-01"), "RM");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    static Customer register(Crm crm, String name) {
        return crm.as(RM).customers().register(NewCustomer.individual(name).owner(StaffId.of("rm-017")).active().build());
    }

    @Test
    @DisplayName("without a DataSource gives a Crm on the in-memory store")
    void inMemoryWithoutDataSource() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Crm.class).hasSingleBean(CrmStore.class);
            assertThat(context.getBean(CrmStore.class)).isInstanceOf(InMemoryCrmStore.class);
            Crm crm = context.getBean(Crm.class);
            Customer c = register(crm, "Zhang Wei");
            assertThat(crm.as(RM).customers().get(c.id()).id()).isEqualTo(c.id());
        });
    }

    @Test
    @DisplayName("with a DataSource gives the JPA store, migrated under its own Flyway history table")
    void jpaWithDataSource() {
        runner.withBean(DataSource.class, TestDataSources::freshH2).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CrmStore.class)).isInstanceOf(JpaCrmStore.class);
            Crm crm = context.getBean(Crm.class);
            Customer c = register(crm, "Li Na");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_customer WHERE id = ?", Long.class, c.id().value()))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"" + CrmSchema.HISTORY_TABLE + "\" WHERE \"success\"",
                    Long.class)).isGreaterThanOrEqualTo(4L);
        });
    }

    @Test
    @DisplayName("closes the JPA store with the context, and leaves the DataSource open")
    void closesTheStore() {
        DataSource dataSource = TestDataSources.freshH2();
        JpaCrmStore[] store = new JpaCrmStore[1];
        // a DataSource the context does not own (a context closes every AutoCloseable bean it holds)
        runner.withBean(DataSource.class, () -> new DelegatingDataSource(dataSource)).run(context -> store[0] = context.getBean(JpaCrmStore.class));
        assertThatThrownBy(() -> store[0].customers().findById(CustomerId.of("any"))).isInstanceOf(StoreException.class);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
    }

    @Test
    @DisplayName("keeps the in-memory store with crmkit.store=memory even when there is a DataSource")
    void memoryForced() {
        runner.withBean(DataSource.class, TestDataSources::freshH2).withPropertyValues("crmkit.store=memory")
                .run(context -> assertThat(context.getBean(CrmStore.class)).isInstanceOf(InMemoryCrmStore.class));
    }

    @Test
    @DisplayName("fails to start with crmkit.store=jpa and no DataSource, naming the property")
    void jpaRequiredWithoutDataSource() {
        runner.withPropertyValues("crmkit.store=jpa").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("crmkit.store").hasMessageContaining("DataSource"));
    }

    @Test
    @DisplayName("backs off when the application defines its own Crm")
    void backsOffForOwnCrm() {
        Crm own = Crm.builder().build();
        runner.withBean(Crm.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(Crm.class);
            assertThat(context.getBean(Crm.class)).isSameAs(own);
        });
    }

    @Test
    @DisplayName("builds the Crm on the application's own CrmStore")
    void usesOwnStore() {
        InMemoryCrmStore own = InMemoryCrmStore.create();
        runner.withBean(DataSource.class, TestDataSources::freshH2).withBean(CrmStore.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(CrmStore.class);
            assertThat(context.getBean(Crm.class).store()).isSameAs(own);
        });
    }
}
