package io.crmkit.jpa.internal;

import java.sql.SQLException;
import java.util.Locale;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.QueryTimeoutException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.StoreException;

/**
 * Turns JPA, Hibernate and JDBC exceptions into CRMKit's exception types. Database messages are
 * never copied: PostgreSQL's unique-violation text contains the offending value
 * ({@code Key (id_value)=(...)}), MariaDB's too. The translated message carries only the SQLState,
 * the vendor error code and the constraint name, and the original exception is dropped rather than
 * kept as the cause, so neither logs nor stack traces can leak it.
 *
 * <p>Stateless and thread-safe.
 */
final class ExceptionTranslator {
    private ExceptionTranslator() {
    }

    /**
     * Translates {@code e}. CRMKit's own exceptions pass through unchanged.
     *
     * @param type the aggregate type the failed operation was about, for conflict messages
     * @param id the aggregate id, or {@code null} when the operation had none
     * @param expectedVersion the version the caller read, for conflict messages
     */
    static RuntimeException translate(RuntimeException e, String type, String id, long expectedVersion) {
        if (e instanceof CrmException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ConflictException(type, id == null ? "?" : id, expectedVersion);
            }
            if (t instanceof ConstraintViolationException cve) {
                String key = naturalKey(cve.getConstraintName());
                if (key != null) {
                    return new DuplicateKeyException(keyOwner(cve.getConstraintName(), type), key);
                }
                if (isPrimaryKey(cve.getConstraintName()) || String.valueOf(cve.getConstraintName()).toLowerCase(Locale.ROOT)
                        .contains("uk_crm_audit_chain")) {
                    // a taken id; at commit of a batch we know the table, not the row
                    return new ConflictException(id == null ? tableType(cve.getConstraintName(), type) : type,
                            id == null ? "(id in batch)" : id, expectedVersion);
                }
            }
        }
        SQLException sql = findSql(e);
        if (sql != null) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.startsWith("23")) {
                // a unique or primary-key violation we could not attribute to a named key
                if (isUniqueViolation(sql)) {
                    return new ConflictException(type, id == null ? "?" : id, expectedVersion);
                }
                return new StoreException(describe("integrity constraint violated", sql), false);
            }
            return new StoreException(describe("database error", sql), isTransient(sql));
        }
        if (e instanceof PessimisticLockException || e instanceof LockTimeoutException
                || e instanceof QueryTimeoutException) {
            return new StoreException("lock or query timeout", true);
        }
        return new StoreException("store failure (" + e.getClass().getSimpleName() + ")", false);
    }

    /** Translates an exception that is not about one aggregate. */
    static RuntimeException translate(RuntimeException e) {
        return translate(e, "Aggregate", null, -1);
    }

    private static String naturalKey(String constraint) {
        String c = constraint == null ? "" : constraint.toLowerCase(Locale.ROOT);
        if (c.contains("uk_crm_customer_identifier")) {
            return "identifier";
        }
        if (c.contains("uk_crm_interaction_external")) {
            return "externalRef";
        }
        if (c.contains("uk_crm_account_external")) {
            return "externalId";
        }
        if (c.contains("uk_crm_pending_key")) {
            return "pending";
        }
        if (c.contains("uk_crm_consent_key")) {
            return "consentKey";
        }
        return null;
    }

    private static String keyOwner(String constraint, String fallback) {
        String c = constraint.toLowerCase(Locale.ROOT);
        if (c.contains("pending")) {
            return "PendingRequest";
        }
        if (c.contains("customer")) {
            return "Customer";
        }
        if (c.contains("interaction")) {
            return "Interaction";
        }
        if (c.contains("account")) {
            return "LinkedAccount";
        }
        return fallback;
    }

    private static String tableType(String constraint, String fallback) {
        String c = constraint.toLowerCase(Locale.ROOT);
        String[][] tables = {{"pk_crm_customer", "Customer"}, {"pk_crm_interaction", "Interaction"},
            {"pk_crm_account", "LinkedAccount"}, {"pk_crm_contact", "Contact"}, {"pk_crm_relationship", "Relationship"},
            {"pk_crm_opportunity", "Opportunity"}, {"pk_crm_pipeline", "Pipeline"}, {"pk_crm_task", "Task"},
            {"pk_crm_org_unit", "OrgUnit"}, {"pk_crm_staff", "Staff"}};
        for (String[] t : tables) {
            if (c.contains(t[0]) && !c.contains(t[0] + "_")) {
                return t[1];
            }
        }
        return fallback;
    }

    private static boolean isPrimaryKey(String constraint) {
        String c = constraint == null ? "" : constraint.toLowerCase(Locale.ROOT);
        return c.startsWith("pk_") || c.contains(".pk_") || c.equals("primary") || c.contains("primary key");
    }

    private static boolean isUniqueViolation(SQLException sql) {
        // 23505: PostgreSQL and H2; MariaDB reports 23000 with vendor code 1062 (ER_DUP_ENTRY)
        return "23505".equals(sql.getSQLState()) || sql.getErrorCode() == 1062;
    }

    /** Connection loss, admin shutdown, serialization failure, deadlock, lock wait timeout. */
    static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")
                || state.equals("HYT00") || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205;
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String describe(String what, SQLException sql) {
        return what + " (SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + ")";
    }
}
