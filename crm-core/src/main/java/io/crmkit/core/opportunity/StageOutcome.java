package io.crmkit.core.opportunity;

/** Whether a pipeline stage is still open or closes the opportunity as won or lost. */
public enum StageOutcome {
    OPEN,
    WON,
    LOST
}
