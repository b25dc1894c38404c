/**
 * Erasure (right to be forgotten, 删除权): an approved request anonymises one customer everywhere
 * the library keeps data — documents, natural-key indexes, audit values, pending requests — while
 * the customer id, amounts, balances, tiers, lifecycle and counts stay for the books and for
 * statistics. {@link io.crmkit.core.erasure.RetentionRule}s refuse or defer an erasure while a
 * statutory record-keeping period runs; every applied erasure leaves an
 * {@link io.crmkit.core.erasure.Erasure} certificate that holds no personal data.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.erasure;

import org.jspecify.annotations.NullMarked;
