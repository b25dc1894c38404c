package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One customer's place in a launched campaign: the group drawn for them and what the contact policy
 * decided. Written once, at launch, as part of the frozen membership snapshot.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the membership's id
 * @param campaignId the campaign
 * @param customerId the member
 * @param group treated or holdout
 * @param outcome contacted, refused, deferred, or held out
 * @param reason the policy's reason code when refused or deferred, else {@code null}
 * @param contactedAt when the contact was released, when contacted, else {@code null}
 * @param deferredUntil until when it was put off, when deferred, else {@code null}
 * @param meta version and who/when
 */
public record CampaignMember(CampaignMemberId id, CampaignId campaignId, CustomerId customerId, MemberGroup group,
        ContactOutcome outcome, @Nullable String reason, @Nullable Instant contactedAt, @Nullable Instant deferredUntil,
        Meta meta) implements Aggregate<CampaignMemberId, CampaignMember> {
    public CampaignMember {
        Check.notNull(id, "id");
        Check.notNull(campaignId, "campaignId");
        Check.notNull(customerId, "customerId");
        Check.notNull(group, "group");
        Check.notNull(outcome, "outcome");
        Check.notNull(meta, "meta");
        reason = Check.optionalText(reason, "reason", 64);
        Check.that((group == MemberGroup.HOLDOUT) == (outcome == ContactOutcome.HELD_OUT), "outcome", "Group",
                "is HELD_OUT exactly for holdout members");
        Check.that((outcome == ContactOutcome.CONTACTED) == (contactedAt != null), "contactedAt", "Outcome",
                "is set exactly for contacted members");
        Check.that((outcome == ContactOutcome.DEFERRED) == (deferredUntil != null), "deferredUntil", "Outcome",
                "is set exactly for deferred members");
        Check.that((outcome == ContactOutcome.REFUSED || outcome == ContactOutcome.DEFERRED) == (reason != null),
                "reason", "Outcome", "is set exactly for refused and deferred members");
    }

    @Override
    public CampaignMember withMeta(Meta value) {
        return new CampaignMember(id, campaignId, customerId, group, outcome, reason, contactedAt, deferredUntil, value);
    }
}
