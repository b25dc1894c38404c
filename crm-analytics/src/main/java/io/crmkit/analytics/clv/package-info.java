/**
 * Customer lifetime value for non-contractual businesses ("buy till you die"): the BG/NBD,
 * MBG/NBD and Pareto/NBD purchase models, the Gamma-Gamma spend model, and discounted CLV over a
 * horizon.
 *
 * <p>Input is one {@link io.crmkit.analytics.clv.CustomerSummaries} (per customer: repeat
 * purchases x, recency t_x, age T, optional mean repeat spend), from arrays, from
 * {@link io.crmkit.analytics.clv.RfmSummary} records, or built from purchase dates by
 * {@link io.crmkit.analytics.clv.PurchaseHistory} (which {@link io.crmkit.analytics.clv.StorePurchases}
 * fills from the CRM store). Models are fitted by maximum likelihood with analytic gradients over
 * customers grouped by identical (x, t_x, T); a fit that does not converge throws
 * {@link io.crmkit.analytics.clv.ModelFitException}, bad input the core's
 * {@code ValidationException} naming the field and the rule.
 */
package io.crmkit.analytics.clv;
