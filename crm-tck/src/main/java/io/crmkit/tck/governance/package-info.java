/**
 * Governance suites any store (and the services over it) must pass: every public path tried as
 * every principal of a generated organisation, the audit trail, and maker-checker.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.tck.governance;

import org.jspecify.annotations.NullMarked;
