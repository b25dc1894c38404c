package io.crmkit.examples.desk;

import io.crmkit.core.Crm;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.jpa.JpaCrmStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the desk's {@link Crm}: the crm-jpa store on an H2 file (rebuilt with the demo book on every
 * start, so the demo always shows the same morning), the firm's permission model and its four-eyes
 * rule for owner changes.
 */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {
    /** The roles the desk's users hold; {@link DeskUsers} maps each login to one of them. */
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

    @Bean
    Permissions deskPermissions() {
        return permissions();
    }

    @Bean(destroyMethod = "close")
    JpaCrmStore deskStore(@Value("${crmkit.desk.data:target/branch-desk/crm}") String data) {
        Path file = Path.of(data);
        try {
            // H2 keeps a file store in <name>.mv.db (and <name>.trace.db when it logs); start from an empty one.
            Files.deleteIfExists(Path.of(data + ".mv.db"));
            Files.deleteIfExists(Path.of(data + ".trace.db"));
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the desk's data file", e);
        }
        return JpaCrmStore.h2File(file);
    }

    @Bean
    Crm crm(JpaCrmStore deskStore, Permissions deskPermissions) {
        return Crm.builder().store(deskStore).clock(DemoBook.clock()).zone(DemoBook.ZONE).permissions(deskPermissions)
                .fourEyes(FourEyes.builder().rule(ApprovalRule.identifierChange())
                        .rule(ApprovalRule.ownerReassignment()).build()).build();
    }

    @Bean
    DemoBook.Seeded demoBook(Crm crm) {
        return DemoBook.seed(crm);
    }
}
