/**
 * 
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.view;

import org.jspecify.annotations.NullMarked;
