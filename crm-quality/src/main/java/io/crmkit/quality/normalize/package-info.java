/** See {@link io.crmkit.quality}. Everything here is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.crmkit.quality.normalize;

import org.jspecify.annotations.NullMarked;
