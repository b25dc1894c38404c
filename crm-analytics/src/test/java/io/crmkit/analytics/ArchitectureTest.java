package io.crmkit.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crmkit.analytics");

    @Test
    @DisplayName("analytics packages have no dependency cycles")
    void noCycles() {
        slices().matching("io.crmkit.analytics.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    @DisplayName("analytics never touches persistence APIs or the core's internals")
    void noPersistenceOrCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                "io.crmkit.core.internal..", "io.crmkit.core.memory..").check(CLASSES);
    }

    @Test
    @DisplayName("the hot engines do not depend on the CRM store")
    void enginesAreStoreFree() {
        noClasses().that().resideInAnyPackage("io.crmkit.analytics.score..", "io.crmkit.analytics.segment..",
                "io.crmkit.analytics.concentration..", "io.crmkit.analytics.rank..", "io.crmkit.analytics.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crmkit.core.spi..").check(CLASSES);
    }
}
