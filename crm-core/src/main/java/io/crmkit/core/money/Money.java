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
 * <p>Ordering is total and consistent with {@code equals}: by currency code first, then by amount
 * (as Strata's {@code CurrencyAmount}), so mixed currencies sort instead of throwing. Arithmetic
 * ({@link #plus}, {@link #minus}) still refuses to mix currencies. {@link #parse} reads what
 * {@link #toString} writes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, at most 6 decimals and below 10^15 in absolute value
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,10})?");

    /** Largest absolute amount accepted (exclusive). */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    /** Most decimal places accepted. */
    public static final int MAX_SCALE = 6;
    /**
     * Most significant digits a decimal from outside may have before it is normalised (trailing
     * zeros included): 15 integer digits, 6 decimals and room for trailing zeros such as
     * {@code 100.000000000000000000}. Checked first, because normalising or comparing a
     * 200,000-digit number costs seconds of CPU.
     */
    public static final int MAX_INPUT_DIGITS = 40;
    /** Largest scale (either sign) a decimal from outside may have before it is normalised. */
    public static final int MAX_INPUT_SCALE = 40;
    private static final int MAX_INPUT_BITS = 134; // 2^134 > 10^40: beyond it precision() need not be computed
    private static final int MAX_PARSE_LENGTH = 60;

    public Money {
        Check.notNull(amount, "amount");
        Check.notNull(currency, "currency");
        amount = bounded(amount, "amount");
    }

    /**
     * A decimal from outside, checked and normalised: at most {@value #MAX_INPUT_DIGITS} digits
     * and a scale within ±{@value #MAX_INPUT_SCALE} (checked before anything costly), below 10^15
     * in absolute value, at most {@value #MAX_SCALE} decimals once trailing zeros are stripped.
     */
    public static BigDecimal bounded(BigDecimal value, String field) {
        Check.notNull(value, field);
        // cheap bounds first: bitLength and scale are O(1); precision, compareTo and stripping are not
        if (value.unscaledValue().bitLength() > MAX_INPUT_BITS || value.precision() > MAX_INPUT_DIGITS) {
            throw ValidationException.of(field, "Precision", "must have at most " + MAX_INPUT_DIGITS + " digits");
        }
        if (value.scale() > MAX_INPUT_SCALE || value.scale() < -MAX_INPUT_SCALE) {
            throw ValidationException.of(field, "Scale", "must have a scale between -" + MAX_INPUT_SCALE + " and "
                    + MAX_INPUT_SCALE);
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw ValidationException.of(field, "Range", "must be below 10^15 in absolute value");
        }
        return normalise(value, field);
    }

    /**
     * A decimal in its canonical form: trailing zeros stripped, never a negative scale, at most
     * {@value #MAX_SCALE} decimals, so that equal values are equal records after any round trip.
     * Only for values already bounded by {@link #bounded}: on unchecked input use that instead.
     */
    public static BigDecimal normalise(BigDecimal value, String field) {
        if (value.unscaledValue().bitLength() > MAX_INPUT_BITS || Math.abs((long) value.scale()) > MAX_INPUT_SCALE) {
            return bounded(value, field);
        }
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
        return new Money(decimal(amount.strip()), currency(currencyCode));
    }

    /**
     * Reads the text {@link #toString()} writes, for example {@code "1250.5 CNY"}: a plain decimal,
     * one space, an ISO 4217 code.
     *
     * @throws ValidationException naming {@code money} when the text has not that shape, or
     *     {@code amount} / {@code currency} when a part is invalid
     */
    public static Money parse(String text) {
        Check.notNull(text, "money");
        int space = text.indexOf(' ');
        if (text.length() > MAX_PARSE_LENGTH || space <= 0 || space != text.lastIndexOf(' ')) {
            throw ValidationException.of("money", "MoneyFormat", "must be an amount and a currency code such as 1250.00 CNY");
        }
        return of(text.substring(0, space), text.substring(space + 1));
    }

    private static BigDecimal decimal(String amount) {
        // the exponent is bounded by the scale check in bounded(), before any arithmetic
        if (amount.isEmpty() || amount.length() > MAX_INPUT_DIGITS + 14
                || !DECIMAL.matcher(amount).matches()) {
            throw ValidationException.of("amount", "Decimal", "must be a decimal number such as 1250.00");
        }
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) { // an exponent beyond the int range
            throw ValidationException.of("amount", "Scale", "must have a scale between -" + MAX_INPUT_SCALE + " and "
                    + MAX_INPUT_SCALE);
        }
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

    /** Currency code first, then amount: a total order consistent with {@code equals}. */
    @Override
    public int compareTo(Money other) {
        int byCurrency = currency.getCurrencyCode().compareTo(other.currency.getCurrencyCode());
        return byCurrency != 0 ? byCurrency : amount.compareTo(other.amount);
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
