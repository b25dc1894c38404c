package io.crmkit.jpa.testing;

/** The databases the JPA store is tested on. */
public enum Vendor {
    H2,
    POSTGRESQL,
    MARIADB
}
