/**
 * Domain events published to listeners after each successful write.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.event;

import org.jspecify.annotations.NullMarked;
