package io.crmkit.core;

import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementKind;
import java.time.Instant;
import java.util.List;

/**
 * Campaigns (营销活动): define, launch over a segment's audience (the membership is frozen then, a
 * seeded holdout drawn, every treated member's contact decided by the contact policy), record opens
 * and clicks, and report responses, attributed conversions, ROI and lift under any
 * {@link AttributionModel}.
 *
 * <pre>{@code
 * Campaign c = session.campaigns().define(NewCampaign.of("Fund launch", Channel.SMS).holdout(10, 42L).windowDays(14));
 * c = session.campaigns().launch(c.id(), c.meta().version(), Audience.of("core_gold", "tier = GOLD", ids));
 * CampaignReport r = session.campaigns().report(c.id(), AttributionModels.lastTouch(), BotRules.defaults());
 * }</pre>
 *
 * <p>Writes need {@code campaign.manage} ({@code campaign.recordEngagement} for engagements) and go
 * through the write pipeline (audit, maker-checker); a launch includes only the audience customers
 * the actor may reach with {@code campaign.manage}, the rest are counted as excluded. Reports count the
 * members the actor may see. Thread-safe.
 */
public interface CampaignService {
    /** Defines a campaign (status DRAFT). */
    Campaign define(NewCampaign campaign);

    /**
     * The campaign.
     *
     * @throws io.crmkit.core.error.NotFoundException if there is none
     */
    Campaign get(CampaignId id);

    /**
     * Launches a draft campaign: freezes the audience as its membership, draws the holdout with the
     * campaign's seed, and sends every treated member's contact through the contact policy (allowed
     * ones are released for contact now; refusals and deferrals are kept with their reason codes).
     *
     * @throws io.crmkit.core.error.ConflictException if the campaign changed since {@code expectedVersion}
     * @throws io.crmkit.core.error.ValidationException on field {@code status} if it is not a draft
     */
    Campaign launch(CampaignId id, long expectedVersion, Audience audience);

    /** Closes a launched campaign; its figures stay reportable. */
    Campaign close(CampaignId id, long expectedVersion);

    /** The campaigns the customer is a member of, newest launch first. */
    List<CampaignMember> memberships(CustomerId customerId);

    /**
     * Records an open or click of a campaign contact as the host's tracking saw it. Whether it was
     * a person's is decided by {@link BotRules} in the report.
     *
     * @param automatedAgent whether the host recognised the user agent as a bot or link scanner
     * @throws io.crmkit.core.error.NotFoundException if the customer is not a member the actor may see
     */
    Engagement recordEngagement(CampaignId id, CustomerId customerId, EngagementKind kind, Instant at,
            boolean automatedAgent);

    /** The campaign's figures under {@code model}, with automated engagements judged by {@code bots}. */
    CampaignReport report(CampaignId id, AttributionModel model, BotRules bots);
}
