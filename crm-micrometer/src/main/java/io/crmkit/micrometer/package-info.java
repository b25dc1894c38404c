/**
 * Micrometer meters and observations for CRMKit ({@link io.crmkit.micrometer.CrmMetrics}): writes
 * by operation and outcome, store latency, events, alerts, approvals and cache statistics, with
 * low-cardinality tags only.
 */
@NullMarked
package io.crmkit.micrometer;

import org.jspecify.annotations.NullMarked;
