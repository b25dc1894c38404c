package io.crmkit.analytics.score;

import io.crmkit.analytics.internal.Checks;

/**
 * The named RFM cells, placed on the recency x frequency grid (scores scaled to 1..5):
 *
 * <pre>
 *            F=1            F=2            F=3             F=4          F=5
 *  R=5  NEW_CUSTOMER   POTENTIAL_LOYALIST POTENTIAL_LOYALIST CHAMPIONS  CHAMPIONS
 *  R=4  PROMISING      POTENTIAL_LOYALIST POTENTIAL_LOYALIST LOYAL      LOYAL
 *  R=3  ABOUT_TO_SLEEP ABOUT_TO_SLEEP     NEED_ATTENTION     LOYAL      LOYAL
 *  R=2  HIBERNATING    HIBERNATING        AT_RISK            AT_RISK    CANNOT_LOSE
 *  R=1  HIBERNATING    HIBERNATING        AT_RISK            AT_RISK    CANNOT_LOSE
 * </pre>
 *
 * This is the widely used ten-cell R x F map; monetary value does not move a customer between
 * cells but is reported among the reasons. Immutable and thread-safe.
 */
public enum RfmCell {
    CHAMPIONS("Champions", "active recently and often - the best customers"),
    LOYAL("Loyal", "active often, responds to attention"),
    POTENTIAL_LOYALIST("Potential loyalist", "recent customer with average frequency"),
    NEW_CUSTOMER("New customer", "active very recently but not often yet"),
    PROMISING("Promising", "fairly recent, little activity so far"),
    NEED_ATTENTION("Needs attention", "average recency and frequency"),
    ABOUT_TO_SLEEP("About to sleep", "below average recency and frequency"),
    AT_RISK("At risk", "used to be active, not seen for a while"),
    CANNOT_LOSE("Cannot lose them", "was among the most active, not seen for a long time"),
    HIBERNATING("Hibernating", "long time since last activity and little activity before");

    private static final RfmCell[][] GRID = {
        // index [r-1][f-1]
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL},
        {NEW_CUSTOMER, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
    };

    private final String displayName;
    private final String description;

    RfmCell(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    /** Name for reports, e.g. "At risk". */
    public String displayName() {
        return displayName;
    }

    /** What the cell means, in a relationship manager's words. */
    public String description() {
        return description;
    }

    /**
     * The cell of a customer with recency and frequency scores on the 1..5 scale.
     *
     * @throws RuntimeException the validation error when a score is outside 1..5
     */
    public static RfmCell of(int recency5, int frequency5) {
        if (recency5 < 1 || recency5 > 5 || frequency5 < 1 || frequency5 > 5) {
            throw Checks.invalid("rfm scores", "must be between 1 and 5");
        }
        return GRID[recency5 - 1][frequency5 - 1];
    }
}
