/**
 * Real time (实时): the host's events — trades, cash movements, logins, position changes, margin
 * calls, balance snapshots and kinds of its own — turned into alerts, tasks, interactions and
 * lifecycle hints within microseconds. Rules are written in Java ({@link io.crmkit.core.signal.Expr},
 * {@link io.crmkit.core.signal.Condition}) or as text ({@link io.crmkit.core.signal.Rule#parse});
 * {@link io.crmkit.core.signal.SignalEngine} decides in the publishing thread over bounded
 * per-customer state and writes the actions asynchronously in batches.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.signal;

import org.jspecify.annotations.NullMarked;
