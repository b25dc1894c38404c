/**
 * The repository SPI every store implements; certify an implementation with the crm-tck compatibility kit.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.spi;

import org.jspecify.annotations.NullMarked;
