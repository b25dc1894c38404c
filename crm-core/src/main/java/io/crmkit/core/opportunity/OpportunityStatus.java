package io.crmkit.core.opportunity;

/** Whether an opportunity is open, won or lost: the outcome of its current stage. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST;

    /** The status an opportunity has while in a stage with {@code outcome}. */
    public static OpportunityStatus of(StageOutcome outcome) {
        return switch (outcome) {
            case OPEN -> OPEN;
            case WON -> WON;
            case LOST -> LOST;
        };
    }
}
