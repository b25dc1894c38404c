package io.crmkit.examples.desk;

import io.crmkit.core.Crm;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.spring.boot.autoconfigure.CrmBuilderCustomizer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What the desk adds to CRMKit's starter: the starter makes the {@code Crm} bean on the H2 file
 * ({@code spring.datasource.url}) and maps the signed-in user to an actor; the desk gives it the
 * firm's permission model, the demo clock and the four-eyes rules, and seeds the demo book into an
 * emptied database on every start ({@code crmkit.desk.reset}), so the demo always shows the same morning.
 */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {
    /** The roles the desk's users hold (see {@link DeskUsers}). */
    static Permissions permissions() {
        return Permissions.builder()
                .role(Role.builder("RM").grant(Depth.OWN, Operation.CUSTOMER_READ, Operation.CUSTOMER_UPDATE,
                        Operation.INTERACTION_RECORD, Operation.OPPORTUNITY_WRITE, Operation.TASK_ASSIGN, Operation.TASK_WORK).build())
                .role(Role.builder("BRANCH_MANAGER").grant(Depth.BRANCH, Operation.CUSTOMER_READ, Operation.APPROVE,
                        Operation.AUDIT_READ, Operation.TASK_WORK).build())
                .role(Role.builder("HEAD_OFFICE").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.AUDIT_READ,
                        Operation.ANALYTICS_READ).build())
                .role(Role.builder("CALL_CENTRE").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.INTERACTION_RECORD)
                        .mask(FieldMask.IDENTIFIER_VALUE, FieldMask.PHONE).build())
                .build();
    }

    /** Picked up by the starter's {@code Crm}. */
    @Bean
    Permissions deskPermissions() {
        return permissions();
    }

    /** Picked up by the starter's {@code Crm}: the morning after the night. */
    @Bean
    Clock deskClock() {
        return DemoBook.clock();
    }

    @Bean
    CrmBuilderCustomizer deskFourEyes() {
        return builder -> builder.fourEyes(FourEyes.builder().rule(ApprovalRule.identifierChange())
                .rule(ApprovalRule.ownerReassignment()).build());
    }

    @Bean
    DemoBook.Seeded demoBook(Crm crm) {
        return DemoBook.seed(crm);
    }

    /**
     * Empties the demo database before anything uses it (H2's {@code DROP ALL OBJECTS}), so the
     * store's migrations and the seeding start from nothing; off with {@code crmkit.desk.reset=false}.
     */
    @Bean
    static BeanPostProcessor deskReset(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && env.getProperty("crmkit.desk.reset", Boolean.class, false)) {
                    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                        s.execute("DROP ALL OBJECTS");
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not empty the demo database", e);
                    }
                }
                return bean;
            }
        };
    }
}
