/**
 * Next best action (交叉销售 / 下一步最佳行动): propositions as data, each passed through
 * eligibility, applicability, suitability and the contact gate, then arbitrated by priority
 * (propensity × value × context weight × business lever) under channel, branch and per-customer
 * capacity. See {@link io.crmkit.analytics.nba.NextBestAction}.
 */
package io.crmkit.analytics.nba;
