package io.crmkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Architecture rules of crm-core")
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crmkit.core");

    @Test
    @DisplayName("crm-core never touches Jakarta Persistence or Hibernate ORM")
    void noPersistence() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate.orm..",
                "org.hibernate", "org.hibernate.engine..", "org.hibernate.query..", "org.hibernate.annotations..")
                .check(CORE);
    }

    @Test
    @DisplayName("concept packages form no cycles")
    void noCycles() {
        slices().matching("io.crmkit.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    @DisplayName("only the entry point reaches into internal: domain, SPI and the memory store do not")
    void internalIsHidden() {
        noClasses().that().resideOutsideOfPackages("io.crmkit.core.internal..", "io.crmkit.core")
                .should().dependOnClassesThat().resideInAPackage("io.crmkit.core.internal..")
                .check(CORE);
    }

    @Test
    @DisplayName("the domain model does not depend on the SPI, the store or the services")
    void domainIsInnermost() {
        noClasses().that().resideInAnyPackage("io.crmkit.core.customer..", "io.crmkit.core.account..",
                        "io.crmkit.core.interaction..", "io.crmkit.core.opportunity..", "io.crmkit.core.task..",
                        "io.crmkit.core.tier..", "io.crmkit.core.org..", "io.crmkit.core.money..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crmkit.core.spi..", "io.crmkit.core.memory..",
                        "io.crmkit.core.internal..")
                .check(CORE);
    }
}
