package io.crmkit.core.money;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.check.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one ISO 4217 currency. Never a {@code double}. The amount is kept at the
 * scale given (trailing zeros stripped for equality), limited to 6 decimal places and to an
 * absolute value below 10^15, which is more than any single customer position and small enough
 * to catch a mistyped figure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, at most 6 decimals and below 10^15 in absolute value
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** Largest absolute amount accepted (exclusive). */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    /** Most decimal places accepted. */
    public static final int MAX_SCALE = 6;

    public Money {
        Check.notNull(amount, "amount");
        Check.notNull(currency, "currency");
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw ValidationException.of("amount", "Range", "must be below 10^15 in absolute value");
        }
        amount = normalise(amount, "amount");
    }

    /**
     * A decimal in its canonical form: trailing zeros stripped, never a negative scale, at most
     * {@value #MAX_SCALE} decimals, so that equal values are equal records after any round trip.
     */
    public static BigDecimal normalise(BigDecimal value, String field) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw ValidationException.of(field, "Scale", "must have at most " + MAX_SCALE + " decimal places");
        }
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Parses an amount and an ISO 4217 code, for example {@code Money.of("1250.00", "CNY")}. */
    public static Money of(String amount, String currencyCode) {
        Check.notNull(amount, "amount");
        BigDecimal value;
        try {
            if (amount.length() > 40) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("amount", "Decimal", "must be a decimal number such as 1250.00");
        }
        return new Money(value, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Resolves an ISO 4217 code, with a validation error naming {@code currency} when unknown. */
    public static Currency currency(String code) {
        Check.notNull(code, "currency");
        if (code.length() != 3) {
            throw ValidationException.of("currency", "Iso4217", "must be a three-letter ISO 4217 code");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("currency", "Iso4217", "is not a known ISO 4217 currency code");
        }
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw ValidationException.of("currency", "SameCurrency",
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
