/** See {@link io.crmkit.quality}. Everything here is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.crmkit.quality.mapping;

import org.jspecify.annotations.NullMarked;
