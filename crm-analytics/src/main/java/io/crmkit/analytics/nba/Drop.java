package io.crmkit.analytics.nba;

import io.crmkit.analytics.score.Reason;

/**
 * A proposition that a customer did not get: the stage where it dropped out and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param propositionId the proposition
 * @param stage         where it dropped out
 * @param reason        a stable code and words, e.g. {@code UNSUITABLE} / "Product risk GROWTH is above
 *                      the customer's risk tolerance CAUTIOUS"
 */
public record Drop(String propositionId, Stage stage, Reason reason) {
}
