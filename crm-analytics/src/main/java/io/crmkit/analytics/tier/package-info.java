/**
 * Tiering: policies by threshold or percentile, hysteresis, manual overrides with expiry, and the
 * resulting tier changes with reasons.
 */
package io.crmkit.analytics.tier;
