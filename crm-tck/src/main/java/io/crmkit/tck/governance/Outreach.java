package io.crmkit.tck.governance;

import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.AttributionModels;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.campaign.CampaignStatus;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.ContactTally;
import io.crmkit.core.campaign.MemberGroup;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryChannel;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.info.DeliveryStatus;
import io.crmkit.core.info.NewContentItem;
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.EngagementKind;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arguments for the campaign and information services: records the calls need to exist (a draft
 * campaign to launch, a launched one to close, a contacted membership to record a click on, a
 * delivery to record an open on) are written straight into the store, fresh for every call.
 */
final class Outreach {
    static final Object NONE = new Object();
    static final String TOPIC = "morning-note";
    private static final Instant NOW = GeneratedOrganisation.NOW;

    private Outreach() {}

    static Object value(CrmStore store, String method, String name, Class<?> t, Customer target, Customer main) {
        if (t == CampaignId.class) {
            return campaign(store, method, target).id();
        }
        if (t == long.class) return 1L; // the version of a record saved once
        if (t == NewCampaign.class) return NewCampaign.of("Kit campaign", Channel.EMAIL).holdout(10, 3L);
        if (t == Audience.class) return Audience.of("kit_segment", "tier = GOLD", List.of(target.id()));
        if (t == AttributionModel.class) return AttributionModels.linear();
        if (t == BotRules.class) return BotRules.defaults();
        if (t == EngagementKind.class) return EngagementKind.CLICKED;
        if (t == ContentItemId.class) return content(store).id();
        if (t == NewContentItem.class) {
            return NewContentItem.of(ContentKind.MORNING_NOTE, "Kit note", Set.of(TOPIC), NOW, NOW.plus(Duration.ofDays(2)));
        }
        if (t == NewSubscription.class) return NewSubscription.of(main.id(), TOPIC, PushChannel.EMAIL);
        if (t == PushChannel.class) return PushChannel.EMAIL;
        if (t == PushSchedule.class) return PushSchedule.morningNote(LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(1));
        if (t == DeliveryId.class) return delivery(store, target).id();
        return NONE;
    }

    /** A host channel that accepts everything. */
    static List<DeliveryChannel> channels() {
        return List.of(new DeliveryChannel() {
            @Override public PushChannel channel() { return PushChannel.EMAIL; }

            @Override public String send(io.crmkit.core.info.Dispatch dispatch) { return null; }
        });
    }

    /** A draft campaign for launch; for the other methods a launched one in which {@code target} was contacted. */
    private static Campaign campaign(CrmStore store, String method, Customer target) {
        boolean draft = method.equals("launch");
        CampaignId id = CampaignId.of(UniqueIds.next("cmp"));
        Meta meta = Meta.created(NOW, "kit");
        Campaign c = new Campaign(id, "Kit campaign", Channel.EMAIL, 0, 1L, 30, null,
                draft ? CampaignStatus.DRAFT : CampaignStatus.LAUNCHED, draft ? null : "kit_segment", draft ? null : "tier = GOLD",
                draft ? null : NOW, null, draft ? ContactTally.NONE : new ContactTally(1, 1, 0, 1, 0, Map.of(), 0), meta);
        Campaign saved = store.campaigns().save(c);
        if (!draft) {
            store.campaignMembers().save(new CampaignMember(CampaignMemberId.of(UniqueIds.next("cm")), id, target.id(),
                    MemberGroup.TREATED, ContactOutcome.CONTACTED, null, NOW, null, meta));
        }
        return saved;
    }

    private static ContentItem content(CrmStore store) {
        return store.contents().save(new ContentItem(ContentItemId.of(UniqueIds.next("ci")), ContentKind.MORNING_NOTE, "Kit note",
                Set.of(TOPIC), NOW, NOW.plus(Duration.ofDays(2)), Meta.created(NOW, "kit")));
    }

    private static Delivery delivery(CrmStore store, Customer target) {
        ContentItem item = content(store);
        return store.deliveries().save(new Delivery(DeliveryId.of(UniqueIds.next("d")), item.id(), target.id(), target.branch(),
                TOPIC, PushChannel.EMAIL, NOW, NOW, DeliveryStatus.DELIVERED, null, Meta.created(NOW, "kit")));
    }
}
