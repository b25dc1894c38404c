/**
 * The customer timeline: calls, emails, meetings, visits, call-centre records and more.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.interaction;

import org.jspecify.annotations.NullMarked;
