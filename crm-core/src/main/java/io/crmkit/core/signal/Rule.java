package io.crmkit.core.signal;

import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One real-time rule: when it fires ({@link Condition}), and what follows — always an alert with
 * {@code severity}; optionally a task for the relationship manager, an interaction on the
 * customer's timeline, the lifecycle hint DORMANT → ACTIVE, and a notice to the customer through
 * the {@link ContactGate}.
 *
 * <p>De-duplication: the key is the rule and the customer. After the rule fires for a customer it
 * stays quiet for that customer for {@code suppressFor} of event time; firing conditions inside the
 * window are counted as suppressed. {@code Duration.ZERO} fires on every matching event.
 *
 * <pre>{@code
 * Rule r = Rule.parse("large-withdrawal", "withdrawal.sum(7d) >= 0.5 * assets")
 *         .withSeverity(AlertSeverity.HIGH)
 *         .withTask(TaskAction.of("Call about large withdrawals", TaskPriority.HIGH, Duration.ofDays(1)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the rule's id: 1 to 40 characters, a lower-case letter or digit, then lower-case letters, digits or {@code -}
 * @param when the condition
 * @param text the text the rule was parsed from, or {@code null} for a rule built in Java
 * @param severity the severity of its alerts
 * @param suppressFor the suppression window per customer, 0 to 400 days
 * @param task the task for the relationship manager, or {@code null}
 * @param interaction the channel of the interaction to record, or {@code null} for none
 * @param activateDormant whether a DORMANT customer is moved to ACTIVE when it fires
 * @param customerNotice the host's template code for a notice to the customer, or {@code null}
 */
public record Rule(String id, Condition when, @Nullable String text, AlertSeverity severity, Duration suppressFor,
        @Nullable TaskAction task, @Nullable Channel interaction, boolean activateDormant,
        @Nullable String customerNotice) {
    /** Default suppression window: one day. */
    public static final Duration DEFAULT_SUPPRESSION = Duration.ofDays(1);

    public Rule {
        checkId(id);
        Check.notNull(when, "when");
        text = Check.optionalText(text, "text", RuleParser.MAX_LENGTH);
        Check.notNull(severity, "severity");
        Check.notNull(suppressFor, "suppressFor");
        Check.that(!suppressFor.isNegative() && suppressFor.compareTo(Expr.MAX_WINDOW) <= 0, "suppressFor", "Range",
                "must be between 0 and 400 days");
        if (customerNotice != null) {
            io.crmkit.core.check.Ids.check(customerNotice, "customerNotice");
        }
    }

    /** A rule from text with severity MEDIUM, a one-day suppression window and no further actions. */
    public static Rule parse(String id, String text) {
        checkId(id);
        return new Rule(id, RuleParser.parse(text), text, AlertSeverity.MEDIUM, DEFAULT_SUPPRESSION, null, null, false,
                null);
    }

    /** A rule built in Java, with the same defaults as {@link #parse}. */
    public static Rule of(String id, Condition when) {
        return new Rule(id, when, null, AlertSeverity.MEDIUM, DEFAULT_SUPPRESSION, null, null, false, null);
    }

    public Rule withSeverity(AlertSeverity value) {
        return new Rule(id, when, text, value, suppressFor, task, interaction, activateDormant, customerNotice);
    }

    public Rule withSuppression(Duration value) {
        return new Rule(id, when, text, severity, value, task, interaction, activateDormant, customerNotice);
    }

    public Rule withTask(@Nullable TaskAction value) {
        return new Rule(id, when, text, severity, suppressFor, value, interaction, activateDormant, customerNotice);
    }

    public Rule withInteraction(@Nullable Channel value) {
        return new Rule(id, when, text, severity, suppressFor, task, value, activateDormant, customerNotice);
    }

    public Rule withActivateDormant(boolean value) {
        return new Rule(id, when, text, severity, suppressFor, task, interaction, value, customerNotice);
    }

    public Rule withCustomerNotice(@Nullable String templateCode) {
        return new Rule(id, when, text, severity, suppressFor, task, interaction, activateDormant, templateCode);
    }

    /** The words an alert gives as its reason: the rule text, or the rule id for Java rules. */
    String reason() {
        String r = text != null ? "rule " + id + ": " + text.strip() : "rule " + id;
        return r.length() <= io.crmkit.core.alert.Alert.MAX_REASON ? r
                : r.substring(0, io.crmkit.core.alert.Alert.MAX_REASON - 3) + "...";
    }

    private static void checkId(@Nullable String id) {
        if (id == null) {
            throw ValidationException.of("id", "NotNull", "must not be null");
        }
        boolean ok = !id.isEmpty() && id.length() <= 40 && id.charAt(0) != '-';
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }
        if (!ok) {
            throw ValidationException.of("id", "RuleId",
                    "must be 1 to 40 characters: lower-case letters, digits and -, not starting with -");
        }
    }
}
