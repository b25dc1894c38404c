/**
 * Tasks assigned to staff, and the daily reminders.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.task;

import org.jspecify.annotations.NullMarked;
