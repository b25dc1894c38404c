package io.crmkit.core.signal;

import io.crmkit.core.error.ValidationException;

/**
 * The kind of a host event: one of the built-in kinds below, or a kind of the host's own made with
 * {@link #of(String)}. Names are what rules write ({@code withdrawal.sum(7d)}): 1 to 32 characters,
 * a lower-case letter then lower-case letters, digits or {@code _}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the kind's name as rules write it
 */
public record EventKind(String name) {
    /** A trade executed; the value is the notional (turnover). */
    public static final EventKind TRADE = new EventKind("trade");
    /** Cash paid in; the value is the amount. */
    public static final EventKind DEPOSIT = new EventKind("deposit");
    /** Cash taken out; the value is the amount. */
    public static final EventKind WITHDRAWAL = new EventKind("withdrawal");
    /** Cash or securities moved to another firm; the value is the amount. */
    public static final EventKind TRANSFER_OUT = new EventKind("transfer_out");
    /** A fund or product redeemed; the value is the amount. */
    public static final EventKind REDEMPTION = new EventKind("redemption");
    /** A successful login; the value is unused (0). */
    public static final EventKind LOGIN = new EventKind("login");
    /** A failed login; the value is unused (0). */
    public static final EventKind FAILED_LOGIN = new EventKind("failed_login");
    /** A position changed; the value is the change in market value, either sign. */
    public static final EventKind POSITION_CHANGE = new EventKind("position_change");
    /** A margin call; the value is the shortfall. */
    public static final EventKind MARGIN_CALL = new EventKind("margin_call");
    /** A balance snapshot of one account; the value is the account's total value. Sets {@code assets}. */
    public static final EventKind BALANCE_SNAPSHOT = new EventKind("balance_snapshot");

    /** The built-in kinds, in a fixed order. */
    static final EventKind[] BUILT_IN = {TRADE, DEPOSIT, WITHDRAWAL, TRANSFER_OUT, REDEMPTION, LOGIN, FAILED_LOGIN,
        POSITION_CHANGE, MARGIN_CALL, BALANCE_SNAPSHOT};

    public EventKind {
        if (name == null) {
            throw ValidationException.of("kind", "NotNull", "must not be null");
        }
        if (!validName(name)) {
            throw ValidationException.of("kind", "KindName",
                    "must be 1 to 32 characters: a lower-case letter, then lower-case letters, digits or _");
        }
    }

    /** A kind by name: the built-in one if the name is one, else a host kind. */
    public static EventKind of(String name) {
        for (EventKind k : BUILT_IN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new EventKind(name);
    }

    /** Whether the value is an amount of money, which must not be negative. */
    boolean isAmount() {
        return this.equals(TRADE) || this.equals(DEPOSIT) || this.equals(WITHDRAWAL) || this.equals(TRANSFER_OUT)
                || this.equals(REDEMPTION) || this.equals(MARGIN_CALL) || this.equals(BALANCE_SNAPSHOT);
    }

    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 32 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
