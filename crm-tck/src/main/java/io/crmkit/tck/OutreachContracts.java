package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.campaign.CampaignStatus;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.ContactTally;
import io.crmkit.core.campaign.MemberGroup;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.info.DeliveryStatus;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.money.Money;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.outreach.EngagementKind;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The repositories of campaigns and the information service: CRUD (inherited, every field read
 * back as saved) and each query the SPI names, after committed transactional writes (the way the
 * services write), with a rolled-back launch leaving no member behind.
 */
public final class OutreachContracts {
    private OutreachContracts() {}

    static final Instant NOW = Fixtures.NOW;

    static Meta meta() {
        return Meta.created(NOW, "tck");
    }

    static CampaignId campaignId() {
        return CampaignId.of(UniqueIds.next("cmp"));
    }

    static Campaign campaign(CampaignId id) {
        return new Campaign(id, "Campaign " + id, Channel.EMAIL, 10, 42L, 30, Money.of("1234.50", "CNY"), CampaignStatus.LAUNCHED,
                "core_band", "age between 28 and 60", NOW, null,
                new ContactTally(10, 9, 1, 6, 1, Map.of("NO_CONSENT", 2), 3), meta());
    }

    static CampaignMember member(CampaignId campaign, CustomerId customer, ContactOutcome outcome) {
        return new CampaignMember(CampaignMemberId.of(UniqueIds.next("cm")), campaign, customer,
                outcome == ContactOutcome.HELD_OUT ? MemberGroup.HOLDOUT : MemberGroup.TREATED, outcome,
                outcome == ContactOutcome.REFUSED || outcome == ContactOutcome.DEFERRED ? "QUIET_HOURS" : null,
                outcome == ContactOutcome.CONTACTED ? NOW.plusNanos(123_000) : null,
                outcome == ContactOutcome.DEFERRED ? NOW.plus(Duration.ofHours(9)) : null, meta());
    }

    static ContentItem content(ContentItemId id) {
        return new ContentItem(id, ContentKind.MORNING_NOTE, "Morning note", Set.of("morning-note", "equities"), NOW,
                NOW.plus(Duration.ofHours(6)), meta());
    }

    static Subscription subscription(SubscriptionId id, CustomerId customer, String topic, boolean active) {
        return new Subscription(id, customer, topic, PushChannel.SMS, active, meta());
    }

    static Delivery delivery(DeliveryId id, ContentItemId content, CustomerId customer) {
        return new Delivery(id, content, customer, OrgUnitId.of("br-tck"), "morning-note", PushChannel.APP, NOW,
                NOW.plusSeconds(3), DeliveryStatus.DELIVERED, null, meta());
    }

    static Engagement engagement(String source, CustomerId customer) {
        return new Engagement(EngagementId.of(UniqueIds.next("eng")), source, customer, EngagementKind.CLICKED,
                NOW.plusSeconds(40), true, meta());
    }

    static CustomerId customerId() {
        return CustomerId.of(UniqueIds.next("cus"));
    }

    /** Campaigns: CRUD. */
    public abstract static class Campaigns extends RepositoryContract<Campaign, CampaignId> {
        @Override protected Repository<Campaign, CampaignId> repository() { return store().campaigns(); }

        @Override protected CampaignId newId() { return campaignId(); }

        @Override protected Campaign newAggregate(CampaignId id) { return campaign(id); }

        @Override protected Campaign changed(Campaign stored) { return stored.closed(NOW.plus(Duration.ofDays(40))); }
    }

    /** Campaign members: CRUD, by campaign (a stream) and by customer. */
    public abstract static class Members extends RepositoryContract<CampaignMember, CampaignMemberId> {
        @Override protected Repository<CampaignMember, CampaignMemberId> repository() { return store().campaignMembers(); }

        @Override protected CampaignMemberId newId() { return CampaignMemberId.of(UniqueIds.next("cm")); }

        @Override
        protected CampaignMember newAggregate(CampaignMemberId id) {
            CampaignMember m = member(campaignId(), customerId(), ContactOutcome.DEFERRED);
            return new CampaignMember(id, m.campaignId(), m.customerId(), m.group(), m.outcome(), m.reason(), m.contactedAt(),
                    m.deferredUntil(), m.meta());
        }

        @Override
        protected CampaignMember changed(CampaignMember s) {
            return new CampaignMember(s.id(), s.campaignId(), s.customerId(), s.group(), ContactOutcome.REFUSED, "NO_CONSENT",
                    null, null, s.meta());
        }

        @Test
        @DisplayName("findByCampaign streams a launch's members, committed in one transaction, in id order and nothing else")
        void byCampaign() {
            CampaignId campaign = campaignId();
            List<CampaignMember> saved = store().inTransaction(() -> Stream.of(ContactOutcome.CONTACTED, ContactOutcome.HELD_OUT,
                    ContactOutcome.REFUSED).map(o -> store().campaignMembers().save(member(campaign, customerId(), o))).toList());
            store().campaignMembers().save(member(campaignId(), saved.get(0).customerId(), ContactOutcome.CONTACTED));
            try (Stream<CampaignMember> found = store().campaignMembers().findByCampaign(campaign)) {
                assertThat(found.toList()).containsExactlyElementsOf(saved.stream()
                        .sorted(java.util.Comparator.comparing(CampaignMember::id)).toList());
            }
        }

        @Test
        @DisplayName("findByCustomer lists the customer's memberships of every campaign in id order")
        void byCustomer() {
            CustomerId customer = customerId();
            CampaignMember one = store().campaignMembers().save(member(campaignId(), customer, ContactOutcome.CONTACTED));
            CampaignMember two = store().campaignMembers().save(member(campaignId(), customer, ContactOutcome.HELD_OUT));
            store().campaignMembers().save(member(campaignId(), customerId(), ContactOutcome.CONTACTED));
            assertThat(store().campaignMembers().findByCustomer(customer)).containsExactlyElementsOf(
                    Stream.of(one, two).sorted(java.util.Comparator.comparing(CampaignMember::id)).toList());
        }

        @Test
        @DisplayName("a launch rolled back leaves none of its members")
        void rolledBackLaunch() {
            CampaignId campaign = campaignId();
            assertThatThrownBy(() -> store().runInTransaction(() -> {
                store().campaigns().save(campaign(campaign));
                store().campaignMembers().save(member(campaign, customerId(), ContactOutcome.CONTACTED));
                throw new IllegalStateException("rolled back by the compatibility kit");
            })).isInstanceOf(IllegalStateException.class);
            try (Stream<CampaignMember> found = store().campaignMembers().findByCampaign(campaign)) {
                assertThat(found).isEmpty();
            }
            assertThat(store().campaigns().findById(campaign)).isEmpty();
        }
    }

    /** Engagements: CRUD and by source. */
    public abstract static class Engagements extends RepositoryContract<Engagement, EngagementId> {
        @Override protected Repository<Engagement, EngagementId> repository() { return store().engagements(); }

        @Override protected EngagementId newId() { return EngagementId.of(UniqueIds.next("eng")); }

        @Override
        protected Engagement newAggregate(EngagementId id) {
            Engagement e = engagement("campaign:" + UniqueIds.next("cmp"), customerId());
            return new Engagement(id, e.sourceId(), e.customerId(), e.kind(), e.at(), e.automatedAgent(), e.meta());
        }

        @Override
        protected Engagement changed(Engagement s) {
            return new Engagement(s.id(), s.sourceId(), s.customerId(), EngagementKind.OPENED, s.at(), false, s.meta());
        }

        @Test
        @DisplayName("findBySource lists exactly that source's engagements in id order")
        void bySource() {
            String source = "content:" + UniqueIds.next("ci");
            List<Engagement> saved = store().inTransaction(() -> List.of(store().engagements().save(engagement(source, customerId())),
                    store().engagements().save(engagement(source, customerId()))));
            store().engagements().save(engagement(source + "x", customerId()));
            assertThat(store().engagements().findBySource(source)).containsExactlyElementsOf(
                    saved.stream().sorted(java.util.Comparator.comparing(Engagement::id)).toList());
        }

        @Test
        @DisplayName("findBySourceAndCustomer lists exactly that customer's engagements of the source in id order, and follows a re-point")
        void bySourceAndCustomer() {
            String source = "campaign:" + UniqueIds.next("cmp");
            CustomerId mine = customerId();
            CustomerId other = customerId();
            List<Engagement> saved = store().inTransaction(() -> List.of(store().engagements().save(engagement(source, mine)),
                    store().engagements().save(engagement(source, mine))));
            Engagement others = store().engagements().save(engagement(source, other));
            store().engagements().save(engagement(source + "x", mine));

            assertThat(store().engagements().findBySourceAndCustomer(source, mine)).containsExactlyElementsOf(
                    saved.stream().sorted(java.util.Comparator.comparing(Engagement::id)).toList());
            Engagement moved = store().engagements().save(new Engagement(others.id(), source, mine, others.kind(), others.at(),
                    others.automatedAgent(), others.meta()));
            assertThat(store().engagements().findBySourceAndCustomer(source, other)).as("a merge re-points it").isEmpty();
            assertThat(store().engagements().findBySourceAndCustomer(source, mine)).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(saved.stream(), java.util.stream.Stream.of(moved))
                            .sorted(java.util.Comparator.comparing(Engagement::id)).toList());
        }
    }

    /** Content items: CRUD. */
    public abstract static class Contents extends RepositoryContract<ContentItem, ContentItemId> {
        @Override protected Repository<ContentItem, ContentItemId> repository() { return store().contents(); }

        @Override protected ContentItemId newId() { return ContentItemId.of(UniqueIds.next("ci")); }

        @Override protected ContentItem newAggregate(ContentItemId id) { return content(id); }

        @Override
        protected ContentItem changed(ContentItem s) {
            return new ContentItem(s.id(), ContentKind.RESEARCH_REPORT, "Revised", Set.of("bonds"), s.validFrom(),
                    s.validUntil().plusSeconds(1), s.meta());
        }
    }

    /** Subscriptions: CRUD, the active ones of a topic (a stream), all of a customer. */
    public abstract static class Subscriptions extends RepositoryContract<Subscription, SubscriptionId> {
        @Override protected Repository<Subscription, SubscriptionId> repository() { return store().subscriptions(); }

        @Override protected SubscriptionId newId() { return SubscriptionId.of(UniqueIds.next("sub")); }

        @Override protected Subscription newAggregate(SubscriptionId id) { return subscription(id, customerId(), "morning-note", true); }

        @Override protected Subscription changed(Subscription s) { return s.withActive(false); }

        @Test
        @DisplayName("streamActiveByTopic streams the topic's active subscriptions in id order; ending one removes it at once")
        void activeByTopic() {
            String topic = UniqueIds.next("t").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
            List<Subscription> saved = store().inTransaction(() -> List.of(
                    store().subscriptions().save(subscription(newId(), customerId(), topic, true)),
                    store().subscriptions().save(subscription(newId(), customerId(), topic, true)),
                    store().subscriptions().save(subscription(newId(), customerId(), topic, false))));
            store().subscriptions().save(subscription(newId(), customerId(), topic + "-other", true));
            try (Stream<Subscription> s = store().subscriptions().streamActiveByTopic(topic)) {
                assertThat(s.toList()).containsExactlyElementsOf(saved.subList(0, 2).stream()
                        .sorted(java.util.Comparator.comparing(Subscription::id)).toList());
            }
            store().subscriptions().save(saved.get(0).withActive(false));
            try (Stream<Subscription> s = store().subscriptions().streamActiveByTopic(topic)) {
                assertThat(s.map(Subscription::id).toList()).containsExactly(saved.get(1).id());
            }
        }

        @Test
        @DisplayName("findByCustomer lists the customer's subscriptions, active and ended, in id order")
        void byCustomer() {
            CustomerId customer = customerId();
            Subscription a = store().subscriptions().save(subscription(newId(), customer, "morning-note", true));
            Subscription b = store().subscriptions().save(subscription(newId(), customer, "research", false));
            assertThat(store().subscriptions().findByCustomer(customer)).containsExactlyElementsOf(
                    Stream.of(a, b).sorted(java.util.Comparator.comparing(Subscription::id)).toList());
        }
    }

    /** Deliveries: CRUD and by content item (a stream). */
    public abstract static class Deliveries extends RepositoryContract<Delivery, DeliveryId> {
        @Override protected Repository<Delivery, DeliveryId> repository() { return store().deliveries(); }

        @Override protected DeliveryId newId() { return DeliveryId.of(UniqueIds.next("d")); }

        @Override
        protected Delivery newAggregate(DeliveryId id) {
            return delivery(id, ContentItemId.of(UniqueIds.next("ci")), customerId());
        }

        @Override
        protected Delivery changed(Delivery s) {
            return new Delivery(s.id(), s.contentId(), s.customerId(), s.branch(), s.topic(), s.channel(), s.sendAt(),
                    s.attemptedAt(), DeliveryStatus.FAILED, "GATEWAY_DOWN", s.meta());
        }

        @Test
        @DisplayName("findByContent streams the item's deliveries in id order and nothing else")
        void byContent() {
            ContentItemId item = ContentItemId.of(UniqueIds.next("ci"));
            List<Delivery> saved = store().inTransaction(() -> List.of(store().deliveries().save(delivery(newId(), item, customerId())),
                    store().deliveries().save(delivery(newId(), item, customerId()))));
            store().deliveries().save(delivery(newId(), ContentItemId.of(UniqueIds.next("ci")), customerId()));
            try (Stream<Delivery> d = store().deliveries().findByContent(item)) {
                assertThat(d.toList()).containsExactlyElementsOf(saved.stream()
                        .sorted(java.util.Comparator.comparing(Delivery::id)).toList());
            }
        }
    }
}
