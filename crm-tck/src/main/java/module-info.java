/**
 * The CRMKit compatibility kit: contract tests any {@code CrmStore} must pass, with fixtures and
 * AssertJ assertions. Opened to JUnit, which finds and runs the kit's inherited test methods by
 * reflection.
 */
module io.crmkit.tck {
    requires transitive io.crmkit.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.crmkit.tck;
    exports io.crmkit.tck.assertions;
    exports io.crmkit.tck.fixtures;

    opens io.crmkit.tck to org.junit.platform.commons;
}
