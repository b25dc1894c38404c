package io.crmkit.core.internal;

import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.customer.CustomerId;
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
        if (!keeps(engine, "campaignMembers")) {
            return List.of();
        }
        return engine.store.campaignMembers().findByCustomer(id).stream()
                .sorted(Comparator.comparing((CampaignMember m) -> m.meta().createdAt()).reversed().thenComparing(CampaignMember::id))
                .toList();
    }

    static List<Subscription> subscriptions(Engine engine, CustomerId id) {
        if (!keeps(engine, "subscriptions")) {
            return List.of();
        }
        return engine.store.subscriptions().findByCustomer(id).stream()
                .sorted(Comparator.comparing(Subscription::topic).thenComparing(Subscription::channel)).toList();
    }

    /** Whether the store implements the repository accessor rather than inheriting the refusing default. */
    private static boolean keeps(Engine engine, String accessor) {
        try {
            return !engine.raw.getClass().getMethod(accessor).isDefault();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
