/**
 * CRMKit core: the domain model, the repository SPI, the in-memory store, the services and the
 * {@code Crm} entry point. Exports the API packages only; {@code io.crmkit.core.internal} (the
 * services' implementations) is not exported, and {@code io.crmkit.core.check} (the records'
 * invariant checks) only to CRMKit's own adapter modules.
 *
 * <p>Reflection: Jackson maps the records through their (private) fields as well as their
 * constructors, so every package with records is opened to it; Hibernate Validator reads the
 * command records' fields, so the packages holding commands are opened to it too. Checked by
 * running a module-path application that registers a customer and round-trips it through
 * {@code CrmJson} (see the edges report).
 */
module io.crmkit.core {
    requires transitive org.jspecify;
    requires transitive org.slf4j;
    requires transitive jakarta.validation;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.hibernate.validator;
    requires com.github.benmanes.caffeine;

    exports io.crmkit.core;
    exports io.crmkit.core.account;
    exports io.crmkit.core.alert;
    exports io.crmkit.core.merge;
    exports io.crmkit.core.casework;
    exports io.crmkit.core.signal;
    exports io.crmkit.core.approval;
    exports io.crmkit.core.campaign;
    exports io.crmkit.core.info;
    exports io.crmkit.core.outreach;
    exports io.crmkit.core.audit;
    exports io.crmkit.core.cache;
    exports io.crmkit.core.common;
    exports io.crmkit.core.consent;
    exports io.crmkit.core.customer;
    exports io.crmkit.core.erasure;
    exports io.crmkit.core.error;
    exports io.crmkit.core.event;
    exports io.crmkit.core.governance;
    exports io.crmkit.core.interaction;
    exports io.crmkit.core.json;
    exports io.crmkit.core.memory;
    exports io.crmkit.core.money;
    exports io.crmkit.core.opportunity;
    exports io.crmkit.core.org;
    exports io.crmkit.core.spi;
    exports io.crmkit.core.task;
    exports io.crmkit.core.tier;
    // invariant checks shared with the adapters; not API
    exports io.crmkit.core.check to io.crmkit.jpa, io.crmkit.analytics, io.crmkit.tck;

    opens io.crmkit.core.account to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens io.crmkit.core.casework to com.fasterxml.jackson.databind;
    opens io.crmkit.core.common to com.fasterxml.jackson.databind;
    opens io.crmkit.core.consent to com.fasterxml.jackson.databind;
    opens io.crmkit.core.merge to com.fasterxml.jackson.databind;
    opens io.crmkit.core.campaign to com.fasterxml.jackson.databind;
    opens io.crmkit.core.info to com.fasterxml.jackson.databind;
    opens io.crmkit.core.outreach to com.fasterxml.jackson.databind;
    opens io.crmkit.core.customer to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens io.crmkit.core.erasure to com.fasterxml.jackson.databind;
    opens io.crmkit.core.error to com.fasterxml.jackson.databind;
    opens io.crmkit.core.event to com.fasterxml.jackson.databind;
    opens io.crmkit.core.governance to com.fasterxml.jackson.databind;
    opens io.crmkit.core.interaction to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens io.crmkit.core.money to com.fasterxml.jackson.databind;
    opens io.crmkit.core.opportunity to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens io.crmkit.core.org to com.fasterxml.jackson.databind;
    opens io.crmkit.core.spi to com.fasterxml.jackson.databind;
    opens io.crmkit.core.task to com.fasterxml.jackson.databind, org.hibernate.validator;
    opens io.crmkit.core.tier to com.fasterxml.jackson.databind;
}
