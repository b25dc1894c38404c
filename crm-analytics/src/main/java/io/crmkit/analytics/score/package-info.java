/**
 * Scoring models behind {@link io.crmkit.analytics.score.ScoringModel}: RFM, value (贡献度),
 * points scorecards for churn risk and leads. Every score comes with reasons in plain words.
 */
package io.crmkit.analytics.score;
