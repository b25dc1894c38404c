/**
 * The exceptions CRMKit throws. Messages never carry personal data.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.error;

import org.jspecify.annotations.NullMarked;
