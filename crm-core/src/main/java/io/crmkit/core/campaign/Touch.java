package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import java.time.Instant;

/**
 * One campaign contact that may have led to a conversion: the campaign and when the contact was released.
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaignId the campaign that made the contact
 * @param at when the contact was released
 */
public record Touch(CampaignId campaignId, Instant at) {
    public Touch {
        Check.notNull(campaignId, "campaignId");
        Check.notNull(at, "at");
    }
}
