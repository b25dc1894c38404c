package io.crmkit.core.internal;

import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.info.Subscription;
import java.util.Comparator;
import java.util.List;

/**
 * The 360 view's campaign and subscription parts. A store written before campaigns existed keeps
 * the refusing SPI defaults; its 360 view shows none rather than failing. Stateless.
 */
final class OutreachViews {
    private OutreachViews() {}

    static List<CampaignMember> memberships(Engine engine, CustomerId id) {
        io.crmkit.core.spi.CampaignMemberRepository members;
        try {
            members = engine.store.campaignMembers();
        } catch (StoreException e) {
            return List.of(); // the store's refusing default: it keeps no campaigns
        }
        return newestFirst(members.findByCustomer(id));
    }

    /** Memberships as the view lists them: the newest first. */
    static List<CampaignMember> newestFirst(List<CampaignMember> members) {
        return members.stream()
                .sorted(Comparator.comparing((CampaignMember m) -> m.meta().createdAt()).reversed().thenComparing(CampaignMember::id))
                .toList();
    }

    static List<Subscription> subscriptions(Engine engine, CustomerId id) {
        io.crmkit.core.spi.SubscriptionRepository subscriptions;
        try {
            subscriptions = engine.store.subscriptions();
        } catch (StoreException e) {
            return List.of(); // the store's refusing default: it keeps no subscriptions
        }
        return byTopic(subscriptions.findByCustomer(id));
    }

    /** Subscriptions as the view lists them: by topic, then channel. */
    static List<Subscription> byTopic(List<Subscription> subscriptions) {
        return subscriptions.stream().sorted(Comparator.comparing(Subscription::topic).thenComparing(Subscription::channel)).toList();
    }
}
