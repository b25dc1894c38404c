/**
 * Staff and broker performance (绩效考核、经纪人管理): per relationship manager, broker, team and
 * branch — customers, interactions, opportunities and conversion, assets with their change split
 * into net new assets and market movement, retention, contribution, products per customer,
 * referral conversion and the weighted pipeline forecast. See
 * {@link io.crmkit.analytics.performance.PerformanceReport}.
 */
package io.crmkit.analytics.performance;
