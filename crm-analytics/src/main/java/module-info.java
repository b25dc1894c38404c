/**
 * CRMKit analytics: features, scores, tiers, segments, concentration and rankings. Exports every
 * package but {@code io.crmkit.analytics.internal} (kernels and checks).
 */
module io.crmkit.analytics {
    requires transitive io.crmkit.core;

    exports io.crmkit.analytics;
    exports io.crmkit.analytics.concentration;
    exports io.crmkit.analytics.feature;
    exports io.crmkit.analytics.job;
    exports io.crmkit.analytics.rank;
    exports io.crmkit.analytics.score;
    exports io.crmkit.analytics.segment;
    exports io.crmkit.analytics.tier;
}
