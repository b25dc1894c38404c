/**
 * The CRMKit store on the firm's own database through Jakarta Persistence and Hibernate ORM.
 * Exports the API ({@code io.crmkit.jpa}); the entities and
 * repositories in {@code io.crmkit.jpa.internal} are not exported, only opened to Hibernate,
 * which builds and reads them by reflection.
 *
 * <p>The Flyway scripts under {@code db/migration/...} are resources in packages Java would
 * encapsulate on the module path, and javac cannot open a package without classes: on the module
 * path, run the migrations from the class path or with the host's own Flyway (see the README).
 */
module io.crmkit.jpa {
    requires transitive io.crmkit.core;
    requires transitive jakarta.persistence;
    requires transitive java.sql;
    requires org.hibernate.orm.core;
    requires flyway.core; // Flyway ships no module name: the name derived from its jar file
    requires com.h2database;
    requires java.naming; // H2's data sources are JNDI Referenceables
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.jspecify;

    exports io.crmkit.jpa;
    exports io.crmkit.jpa.crypto;

    opens io.crmkit.jpa.internal to org.hibernate.orm.core;
}
