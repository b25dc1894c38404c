package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import java.time.Duration;

/**
 * Whether and how often customers whose cases ran under a policy are surveyed: a survey once per
 * resolved case, and at most {@code maxPerCustomer} surveys to one customer in any
 * {@code window} (so a customer with five cases in a week is not asked five times).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPerCustomer 1 to 100
 * @param window 1 day to 366 days
 */
public record SurveyRule(int maxPerCustomer, Duration window) {
    public SurveyRule {
        Check.range(maxPerCustomer, 1, 100, "survey.maxPerCustomer");
        Check.notNull(window, "survey.window");
        Check.that(window.compareTo(Duration.ofDays(1)) >= 0 && window.compareTo(Duration.ofDays(366)) <= 0,
                "survey.window", "Range", "must be 1 to 366 days");
    }

    public static SurveyRule of(int maxPerCustomer, Duration window) {
        return new SurveyRule(maxPerCustomer, window);
    }
}
