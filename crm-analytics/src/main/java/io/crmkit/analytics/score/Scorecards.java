package io.crmkit.analytics.score;

import static io.crmkit.analytics.feature.StandardFeatures.AUM_CHANGE_PCT;
import static io.crmkit.analytics.feature.StandardFeatures.CAMPAIGN_RESPONSES;
import static io.crmkit.analytics.feature.StandardFeatures.DAYS_SINCE_CONTACT;
import static io.crmkit.analytics.feature.StandardFeatures.DAYS_SINCE_CREATED;
import static io.crmkit.analytics.feature.StandardFeatures.DAYS_SINCE_LOGIN;
import static io.crmkit.analytics.feature.StandardFeatures.INTERACTIONS;
import static io.crmkit.analytics.feature.StandardFeatures.OPEN_COMPLAINTS;
import static io.crmkit.analytics.feature.StandardFeatures.REFERRED;
import static io.crmkit.analytics.feature.StandardFeatures.STATED_ASSETS;
import static io.crmkit.analytics.feature.StandardFeatures.TRADES_CHANGE_PCT;

/**
 * Ready-made scorecards. Start from one with {@link PointsScorecard#from(PointsScorecard)} to
 * change a threshold or add a rule. Stateless and thread-safe.
 */
public final class Scorecards {

    private Scorecards() {
    }

    /**
     * Churn risk over behaviour. Rules: assets down 20% or more (30 points), trades down 50% or
     * more (20), open complaint (25), no login for 60 days (15), no contact for 90 days (10).
     * Bands: LOW below 30, MEDIUM from 30, HIGH from 50.
     */
    public static PointsScorecard churnDefaults() {
        return PointsScorecard.custom().name("churn")
                .rule(new ScorecardRule("ASSET_OUTFLOW", AUM_CHANGE_PCT, Comparison.AT_MOST, -20, 30,
                        "Assets fell by 20% or more over the window - money may be moving to another firm"))
                .rule(new ScorecardRule("OPEN_COMPLAINT", OPEN_COMPLAINTS, Comparison.AT_LEAST, 1, 25,
                        "Has an open complaint"))
                .rule(new ScorecardRule("FALLING_TRADING", TRADES_CHANGE_PCT, Comparison.AT_MOST, -50, 20,
                        "Trades half as often as in the previous window or less"))
                .rule(new ScorecardRule("NO_LOGIN", DAYS_SINCE_LOGIN, Comparison.AT_LEAST, 60, 15,
                        "Has not logged in for 60 days or more"))
                .rule(new ScorecardRule("NO_CONTACT", DAYS_SINCE_CONTACT, Comparison.AT_LEAST, 90, 10,
                        "Nobody from the firm has been in touch for 90 days or more"))
                .band("LOW", 0).band("MEDIUM", 30).band("HIGH", 50)
                .build();
    }

    /**
     * Lead score for prospects. Rules: referred by a customer (30 points), stated investable
     * assets of 500,000 or more (25), three or more interactions in the window (20), answered a
     * campaign (15), recorded within the last 30 days (10). Grades: D below 25, C from 25, B from
     * 45, A from 70.
     */
    public static PointsScorecard leadDefaults() {
        return PointsScorecard.custom().name("lead")
                .rule(new ScorecardRule("REFERRED", REFERRED, Comparison.AT_LEAST, 1, 30,
                        "Introduced by an existing customer"))
                .rule(new ScorecardRule("LARGE_ASSETS", STATED_ASSETS, Comparison.AT_LEAST, 500_000, 25,
                        "States investable assets of 500,000 or more"))
                .rule(new ScorecardRule("ENGAGED", INTERACTIONS, Comparison.AT_LEAST, 3, 20,
                        "Three or more calls, visits or sessions in the window"))
                .rule(new ScorecardRule("CAMPAIGN_RESPONSE", CAMPAIGN_RESPONSES, Comparison.AT_LEAST, 1, 15,
                        "Responded to a campaign"))
                .rule(new ScorecardRule("FRESH", DAYS_SINCE_CREATED, Comparison.AT_MOST, 30, 10,
                        "First recorded within the last 30 days"))
                .band("D", 0).band("C", 25).band("B", 45).band("A", 70)
                .build();
    }
}
