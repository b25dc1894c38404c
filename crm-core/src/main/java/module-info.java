/**
 * CRMKit core: the domain model, the repository SPI, the in-memory store, the services and the
 * {@code Crm} entry point. Exports the API packages only; {@code io.crmkit.core.internal} (the
 * services' implementations) is not exported, and {@code io.crmkit.core.check} (the records'
 * invariant checks) only to CRMKit's own adapter modules.
 *
 * <p>Reflection: Jackson reads and writes the public records through their public constructors
 * and accessors (exports are enough); Hibernate Validator reads the command records' fields, so
 * the packages holding commands are opened to it.
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
    exports io.crmkit.core.signal;
    exports io.crmkit.core.approval;
    exports io.crmkit.core.audit;
    exports io.crmkit.core.cache;
    exports io.crmkit.core.common;
    exports io.crmkit.core.customer;
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

    opens io.crmkit.core.account to org.hibernate.validator;
    opens io.crmkit.core.customer to org.hibernate.validator;
    opens io.crmkit.core.interaction to org.hibernate.validator;
    opens io.crmkit.core.opportunity to org.hibernate.validator;
    opens io.crmkit.core.task to org.hibernate.validator;
}
