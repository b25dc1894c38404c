/**
 * CRMKit analytics: feature frames, scoring models (RFM, value, churn, lead), tiering with
 * hysteresis, segmentation, concentration and rankings.
 *
 * <p>Engines work on columnar primitive arrays so that a nightly run over millions of customers
 * stays close to the speed of a plain loop. Every engine is configured with a validated builder
 * ({@code custom()/ofDefaults()/from()}), takes an injectable {@link java.time.Clock} where time
 * matters, and gives the same result for the same input.
 */
package io.crmkit.analytics;
