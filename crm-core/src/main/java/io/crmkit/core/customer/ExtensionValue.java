package io.crmkit.core.customer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.crmkit.core.check.Check;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A typed value of a firm-specific extension field (扩展表), such as a loyalty number (text), a
 * credit limit (decimal), a VIP flag or a contract renewal date.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExtensionValue.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ExtensionValue.Decimal.class, name = "decimal"),
    @JsonSubTypes.Type(value = ExtensionValue.Flag.class, name = "flag"),
    @JsonSubTypes.Type(value = ExtensionValue.Date.class, name = "date")
})
public sealed interface ExtensionValue {
    /** Longest text extension value, in characters. */
    int MAX_TEXT = 1_000;

    static ExtensionValue text(String value) { return new Text(value); }

    static ExtensionValue decimal(BigDecimal value) { return new Decimal(value); }

    static ExtensionValue flag(boolean value) { return new Flag(value); }

    static ExtensionValue date(LocalDate value) { return new Date(value); }

    /** A text value of at most {@value #MAX_TEXT} characters. */
    record Text(String value) implements ExtensionValue {
        public Text {
            Check.notNull(value, "value");
            Check.optionalText(value, "value", MAX_TEXT);
        }

        @Override
        public String toString() { return "Text[***]"; }
    }

    /** A decimal value. */
    record Decimal(BigDecimal value) implements ExtensionValue {
        public Decimal {
            value = io.crmkit.core.money.Money.bounded(value, "value");
        }
    }

    /** A yes/no value. */
    record Flag(boolean value) implements ExtensionValue {}

    /** A calendar date. */
    record Date(LocalDate value) implements ExtensionValue {
        public Date {
            Check.notNull(value, "value");
        }
    }
}
