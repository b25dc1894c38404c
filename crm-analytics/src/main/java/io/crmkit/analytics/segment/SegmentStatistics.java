package io.crmkit.analytics.segment;

/**
 * Figures of one segment or grid cell: customers, assets and contribution, each with its share
 * of the whole frame (0 to 1; 0 when the total is 0). Immutable and thread-safe.
 *
 * @param segment           segment or cell name
 * @param count             customers in the segment
 * @param customerShare     count / all customers
 * @param assets            sum of assets of the members
 * @param assetShare        assets / all assets
 * @param contribution      sum of contribution of the members
 * @param contributionShare contribution / all contribution
 */
public record SegmentStatistics(String segment, int count, double customerShare, double assets, double assetShare,
                                double contribution, double contributionShare) {

    static SegmentStatistics of(String segment, int count, int total, double assets, double totalAssets,
                                double contribution, double totalContribution) {
        return new SegmentStatistics(segment, count, share(count, total), assets, share(assets, totalAssets),
                contribution, share(contribution, totalContribution));
    }

    private static double share(double part, double total) {
        return total == 0 ? 0 : part / total;
    }

    /** Average assets per member, 0 for an empty segment. */
    public double averageAssets() {
        return count == 0 ? 0 : assets / count;
    }
}
