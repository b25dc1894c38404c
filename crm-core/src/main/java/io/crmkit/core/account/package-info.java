/**
 * Host-system accounts linked to customers, and balance and holding snapshots.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.account;

import org.jspecify.annotations.NullMarked;
