/**
 * The audit trail (修改记录表): who changed what, when, on whose behalf and with whose approval,
 * per field, hash-chained so a changed, removed or inserted entry is detected.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.audit;

import org.jspecify.annotations.NullMarked;
