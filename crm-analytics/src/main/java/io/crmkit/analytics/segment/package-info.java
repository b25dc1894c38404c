/**
 * Segments as conditions over features (Java API and a small text language), grid segmentation,
 * membership snapshots and per-segment statistics.
 */
package io.crmkit.analytics.segment;
