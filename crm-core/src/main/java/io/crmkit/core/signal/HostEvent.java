package io.crmkit.core.signal;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in the host system, published to {@link SignalEngine#publish}: its id
 * (the engine is idempotent on it), kind, the customer and account it concerns, when it happened,
 * and one value (an amount in the firm's reporting currency for money kinds). Use the typed
 * factories: {@code HostEvent.withdrawal("ev-1", customer, account, at, 50_000)}.
 *
 * <p>Values must be finite and at most 10^15 in size; amounts must not be negative. Times must lie
 * between 1970 and 2200.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints ids, kind and time, not the value.
 *
 * @param eventId the host's id of the event, in the typed-id alphabet (1 to 64 of {@code [A-Za-z0-9._:-]})
 * @param kind what happened
 * @param customerId the customer concerned
 * @param accountId the account concerned, or {@code null}
 * @param at when it happened
 * @param value the amount or measure (see each {@link EventKind})
 */
public record HostEvent(String eventId, EventKind kind, CustomerId customerId, @Nullable AccountId accountId,
        Instant at, double value) {
    private static final double LIMIT = 1e15;
    private static final long LATEST_MILLIS = 7_258_118_400_000L; // 2200-01-01T00:00:00Z

    public HostEvent {
        Ids.check(eventId, "eventId");
        Check.notNull(kind, "kind");
        Check.notNull(customerId, "customerId");
        Check.notNull(at, "at");
        if (at.getEpochSecond() < 0 || at.getEpochSecond() >= LATEST_MILLIS / 1000) {
            throw ValidationException.of("at", "Range", "must be between 1970 and 2200");
        }
        if (!Double.isFinite(value) || Math.abs(value) > LIMIT) {
            throw ValidationException.of("value", "Range", "must be finite and at most 10^15 in size");
        }
        if (value < 0 && kind.isAmount()) {
            throw ValidationException.of("value", "NotNegative", "must not be negative for " + kind.name());
        }
    }

    public static HostEvent trade(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double notional) {
        return new HostEvent(eventId, EventKind.TRADE, customer, account, at, notional);
    }

    public static HostEvent deposit(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double amount) {
        return new HostEvent(eventId, EventKind.DEPOSIT, customer, account, at, amount);
    }

    public static HostEvent withdrawal(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double amount) {
        return new HostEvent(eventId, EventKind.WITHDRAWAL, customer, account, at, amount);
    }

    public static HostEvent transferOut(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double amount) {
        return new HostEvent(eventId, EventKind.TRANSFER_OUT, customer, account, at, amount);
    }

    public static HostEvent redemption(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double amount) {
        return new HostEvent(eventId, EventKind.REDEMPTION, customer, account, at, amount);
    }

    public static HostEvent login(String eventId, CustomerId customer, Instant at) {
        return new HostEvent(eventId, EventKind.LOGIN, customer, null, at, 0);
    }

    public static HostEvent failedLogin(String eventId, CustomerId customer, Instant at) {
        return new HostEvent(eventId, EventKind.FAILED_LOGIN, customer, null, at, 0);
    }

    public static HostEvent positionChange(String eventId, CustomerId customer, @Nullable AccountId account,
            Instant at, double valueChange) {
        return new HostEvent(eventId, EventKind.POSITION_CHANGE, customer, account, at, valueChange);
    }

    public static HostEvent marginCall(String eventId, CustomerId customer, @Nullable AccountId account, Instant at,
            double shortfall) {
        return new HostEvent(eventId, EventKind.MARGIN_CALL, customer, account, at, shortfall);
    }

    /** The account's total value now; the customer's {@code assets} is the sum of their accounts' latest. */
    public static HostEvent balanceSnapshot(String eventId, CustomerId customer, AccountId account, Instant at,
            double totalValue) {
        Check.notNull(account, "accountId");
        return new HostEvent(eventId, EventKind.BALANCE_SNAPSHOT, customer, account, at, totalValue);
    }

    /** An event of a kind of the host's own, such as {@code EventKind.of("fx_swap")}. */
    public static HostEvent custom(String eventId, EventKind kind, CustomerId customer, @Nullable AccountId account,
            Instant at, double value) {
        return new HostEvent(eventId, kind, customer, account, at, value);
    }

    @Override
    public String toString() {
        return "HostEvent[id=" + eventId + ", kind=" + kind + ", customerId=" + customerId + ", accountId=" + accountId
                + ", at=" + at + "]";
    }
}
