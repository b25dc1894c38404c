package io.crmkit.core.error;

/**
 * The root of every exception CRMKit throws on purpose. Messages never contain personal data
 * (names, identifier values, phones, emails): they name fields, rules and ids only, so they are
 * safe to log.
 *
 * <p>Immutable and thread-safe.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
