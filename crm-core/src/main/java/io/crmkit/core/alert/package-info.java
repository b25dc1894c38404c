/**
 * Alerts (预警): something the real-time engine, or a host job, noticed about a customer that a
 * relationship manager should look at, with a severity, an owner and an acknowledge-then-resolve
 * status. The engine that raises them lives in {@code io.crmkit.core.signal}; this package holds
 * the aggregate and the service staff use on it.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.alert;

import org.jspecify.annotations.NullMarked;
