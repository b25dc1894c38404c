package io.crmkit.core.signal;

/**
 * What a window measures over the events of one kind: how many, their total, the largest value,
 * or the daily average (the total times one day divided by the span the window covers).
 */
public enum Measure {
    COUNT,
    SUM,
    MAX,
    AVG
}
