/**
 * Columnar customer features: {@link io.crmkit.analytics.feature.FeatureFrame} and the standard
 * feature names the built-in models read.
 */
package io.crmkit.analytics.feature;
