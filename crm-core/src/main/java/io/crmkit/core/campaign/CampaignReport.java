package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.money.Money;
import io.crmkit.core.outreach.EngagementCounts;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's figures under one attribution model, over the members the reading actor may see
 * (a relationship manager sees their own slice, head office the whole campaign). Computed from the
 * stored membership, interactions, won opportunities and engagements whenever it is asked for.
 *
 * <ul>
 *   <li>A <em>responder</em> is a contacted member with an inbound interaction or a person's click
 *       within the window after the contact.
 *   <li>A <em>conversion</em> is a won opportunity of a contacted member, won within the window after
 *       the contact; its credit is shared, by the model, with the other campaigns that contacted the
 *       customer within their windows before it. {@code attributedConversions} sums this campaign's
 *       shares; {@code attributedRevenue} sums share × amount per currency.
 *   <li>{@code roi} is (attributed revenue in the cost's currency − cost) / cost, when there is a
 *       positive cost.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaignId the campaign
 * @param model the attribution model's name
 * @param tally the membership and contact counts over the visible members
 * @param responders contacted members who responded
 * @param conversions conversions this campaign got any credit for
 * @param attributedConversions this campaign's share of those conversions
 * @param attributedRevenue share × won amount, per currency code
 * @param cost the campaign's cost, or {@code null}
 * @param roi return on the cost, or {@code null} without a positive cost
 * @param engagement deliveries, opens and clicks (automated ones apart)
 * @param lift treated against holdout, or {@code null} without a holdout
 */
public record CampaignReport(CampaignId campaignId, String model, ContactTally tally, long responders, long conversions,
        double attributedConversions, Map<String, BigDecimal> attributedRevenue, @Nullable Money cost,
        @Nullable Double roi, EngagementCounts engagement, @Nullable Lift lift) {
    public CampaignReport {
        Check.notNull(campaignId, "campaignId");
        Check.notNull(tally, "tally");
        attributedRevenue = Map.copyOf(new TreeMap<>(Check.map(attributedRevenue, "attributedRevenue")));
        Check.notNull(engagement, "engagement");
    }

    /** Responders over contacted members; 0 with none contacted. */
    public double responseRate() {
        return tally.contacted() == 0 ? 0 : (double) responders / tally.contacted();
    }
}
