/**
 * The organisation tree, staff, and the actors operations run on behalf of.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.org;

import org.jspecify.annotations.NullMarked;
