package io.crmkit.analytics.rank;

/**
 * One place in a ranking. Immutable and thread-safe.
 *
 * @param position 1 for the top
 * @param id       customer or account id
 * @param value    the ranked value
 */
public record RankedEntry(int position, long id, double value) {
}
