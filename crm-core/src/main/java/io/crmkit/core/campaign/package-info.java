/**
 * Campaigns (营销活动): a segment frozen as a membership snapshot at launch, an optional seeded random
 * holdout group that is never contacted, every contact decided by the contact policy (refusals kept
 * with their reasons), responses and conversions read from interactions and won opportunities within
 * an attribution window, pluggable {@link io.crmkit.core.campaign.AttributionModel}s, costs, ROI and
 * the lift against the holdout. The service is {@link io.crmkit.core.CampaignService}.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.campaign;

import org.jspecify.annotations.NullMarked;
