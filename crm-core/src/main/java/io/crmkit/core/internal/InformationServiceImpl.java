package io.crmkit.core.internal;

import io.crmkit.core.InformationService;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.Delivery;
import io.crmkit.core.info.DeliveryChannel;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.info.DeliveryStatus;
import io.crmkit.core.info.Dispatch;
import io.crmkit.core.info.NewContentItem;
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PlannedPush;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushRun;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.PushStatistics;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.info.Topics;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementCounts;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.outreach.EngagementKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link InformationService} over the store, through the write pipeline. Thread-safe. */
final class InformationServiceImpl implements InformationService {
    private static final Logger log = LoggerFactory.getLogger(InformationServiceImpl.class);
    private static final int MAX_CHANNELS = 16;

    private final Engine engine;
    private final Actor actor;
    private final Access access;

    InformationServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public ContentItem publish(NewContentItem n) {
        Check.notNull(n, "item");
        return engine.write(access, Operation.CONTENT_PUBLISH, "ContentItem", null, Call.of("information", "publish", n), null, n,
                () -> {
                    ContentItem item = new ContentItem(ContentItemId.of(engine.newId("ContentItem")), n.kind(), n.title(),
                            n.topics(), n.validFrom().truncatedTo(ChronoUnit.MICROS), n.validUntil().truncatedTo(ChronoUnit.MICROS),
                            Meta.created(engine.now(), actor.id()));
                    engine.guard(null, item, null);
                    return engine.store.contents().save(item);
                });
    }

    @Override
    public ContentItem content(ContentItemId id) {
        Check.notNull(id, "id");
        access.authorise(Operation.CUSTOMER_READ);
        return engine.store.contents().findById(id).orElseThrow(() -> new NotFoundException("ContentItem", id.value()));
    }

    @Override
    public Subscription subscribe(NewSubscription n) {
        Check.notNull(n, "subscription");
        SubscriptionId id = subscriptionId(n.customerId(), n.topic(), n.channel());
        return engine.write(access, Operation.SUBSCRIPTION_WRITE, "Subscription", id, Call.of("information", "subscribe", n),
                null, n, () -> {
                    access.requireWritable(Operation.SUBSCRIPTION_WRITE, n.customerId());
                    Subscription before = engine.store.subscriptions().findById(id).orElse(null);
                    Subscription next = before == null
                            ? new Subscription(id, n.customerId(), n.topic(), n.channel(), true, Meta.created(engine.now(), actor.id()))
                            : before.withActive(true).withMeta(before.meta().touched(engine.now(), actor.id()));
                    engine.guard(before, next, n.customerId());
                    return engine.store.subscriptions().save(next);
                });
    }

    @Override
    public Subscription unsubscribe(CustomerId customerId, String topic, PushChannel channel) {
        Check.notNull(customerId, "customerId");
        Topics.check(topic, "topic");
        Check.notNull(channel, "channel");
        SubscriptionId id = subscriptionId(customerId, topic, channel);
        return engine.write(access, Operation.SUBSCRIPTION_WRITE, "Subscription", id,
                Call.of("information", "unsubscribe", customerId, topic, channel), null, "unsubscribe", () -> {
                    access.requireWritable(Operation.SUBSCRIPTION_WRITE, customerId);
                    Subscription before = engine.store.subscriptions().findById(id)
                            .orElseThrow(() -> new NotFoundException("Subscription", id.value()));
                    Subscription next = before.withActive(false).withMeta(before.meta().touched(engine.now(), actor.id()));
                    engine.guard(before, next, customerId);
                    return engine.store.subscriptions().save(next);
                });
    }

    @Override
    public List<Subscription> subscriptions(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return OutreachViews.subscriptions(engine, customerId);
    }

    @Override
    public PushPlan plan(ContentItemId contentId, PushSchedule schedule) {
        Check.notNull(contentId, "contentId");
        Check.notNull(schedule, "schedule");
        access.authorise(Operation.PUSH_RUN);
        return new PushPlanner(access).plan(content(contentId), schedule, java.util.Set.of());
    }

    @Override
    public PushRun deliver(ContentItemId contentId, PushSchedule schedule, Instant upTo, List<DeliveryChannel> channels) {
        Check.notNull(upTo, "upTo");
        List<DeliveryChannel> given = Check.list(channels, "channels");
        Check.that(given.size() <= MAX_CHANNELS, "channels", "Size", "must have at most " + MAX_CHANNELS + " entries");
        Map<PushChannel, DeliveryChannel> byKind = new EnumMap<>(PushChannel.class);
        for (DeliveryChannel ch : given) {
            Check.that(byKind.putIfAbsent(Check.notNull(ch.channel(), "channels.channel"), ch) == null, "channels", "Unique",
                    "must give one channel of each kind");
        }
        access.authorise(Operation.PUSH_RUN);
        ContentItem item = content(contentId);
        // Customers an earlier run served are not planned again (their contact would count against them).
        java.util.Set<CustomerId> served = new java.util.HashSet<>();
        try (Stream<Delivery> earlier = engine.store.deliveries().findByContent(contentId)) {
            earlier.forEach(d -> served.add(d.customerId()));
        }
        PushPlan plan = new PushPlanner(access).plan(item, schedule, served);
        int delivered = 0;
        int failed = 0;
        int done = 0;
        int notDue = 0;
        int noChannel = 0;
        for (PlannedPush p : plan.pushes()) {
            if (p.sendAt().isAfter(upTo)) {
                notDue++;
                continue;
            }
            DeliveryChannel channel = byKind.get(p.channel());
            if (channel == null) {
                noChannel++;
                continue;
            }
            DeliveryId id = DeliveryId.of(DerivedIds.of("d-", contentId.value(), p.customerId().value()));
            Delivery d = send(item, p, id, channel);
            if (d.status() == DeliveryStatus.DELIVERED) {
                delivered++;
            } else {
                failed++;
            }
        }
        done = (int) served.stream().filter(c -> access.visible(c).isPresent()).count();
        return new PushRun(delivered, failed, done, notDue, noChannel);
    }

    /** Sends one push, then records it in its own write: a crash in between sends it again on the next run (at least once). */
    private Delivery send(ContentItem item, PlannedPush p, DeliveryId id, DeliveryChannel channel) {
        Customer c = access.requireVisible(p.customerId());
        String failure;
        try {
            failure = channel.send(new Dispatch(id, item.id(), item.title(), c.id(), p.channel(), address(c, p.channel(), item), p.sendAt()));
        } catch (RuntimeException e) {
            // Only the type: a gateway's message may quote the number or address.
            log.warn("delivery channel {} threw {}", p.channel(), e.getClass().getName());
            failure = "CHANNEL_ERROR";
        }
        String code = failure == null ? null : failure.length() > 64 ? failure.substring(0, 64) : failure;
        return engine.write(access, Operation.PUSH_RUN, "Delivery", id, Call.of("information", "deliver", item.id()), null,
                "deliver", () -> {
                    Instant now = engine.now();
                    Delivery d = new Delivery(id, item.id(), c.id(), c.branch(), p.topic(), p.channel(),
                            p.sendAt().truncatedTo(ChronoUnit.MICROS), now,
                            code == null ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, code, Meta.created(now, actor.id()));
                    engine.guard(null, d, c.id());
                    if (code == null) {
                        // a contact made: it counts towards the firm-wide caps from now on
                        OutreachPolicy.log(engine, access, c.id(), p.channel().channel(), item.kind().purpose(), now,
                                "content:" + item.id().value());
                    }
                    return engine.store.deliveries().save(d);
                });
    }

    /** The address the channel needs: a primary contact point of its type permitting the purpose first. */
    private static @Nullable String address(Customer c, PushChannel channel, ContentItem item) {
        ContactPointType type = OutreachPolicy.pointType(channel.channel());
        if (type == null) {
            return null;
        }
        return c.contactPoints().stream().filter(p -> p.type() == type && p.permits(item.kind().purpose()))
                .sorted(Comparator.comparing((ContactPoint p) -> !p.primary())).map(ContactPoint::value).findFirst().orElse(null);
    }

    @Override
    public Engagement recordEngagement(DeliveryId deliveryId, EngagementKind kind, Instant at, boolean automatedAgent) {
        Check.notNull(deliveryId, "deliveryId");
        Check.notNull(kind, "kind");
        Check.notNull(at, "at");
        return engine.write(access, Operation.CAMPAIGN_ENGAGEMENT, "Engagement", null,
                Call.of("information", "recordEngagement", deliveryId, kind, at, automatedAgent), null, kind, () -> {
                    Delivery d = engine.store.deliveries().findById(deliveryId)
                            .filter(x -> access.visible(x.customerId()).isPresent())
                            .orElseThrow(() -> new NotFoundException("Delivery", deliveryId.value()));
                    access.requireWritable(Operation.CAMPAIGN_ENGAGEMENT, d.customerId());
                    Engagement e = new Engagement(EngagementId.of(engine.newId("Engagement")),
                            Engagement.contentSource(d.contentId().value()), d.customerId(), kind, at.truncatedTo(ChronoUnit.MICROS),
                            automatedAgent, Meta.created(engine.now(), actor.id()));
                    engine.guard(null, e, d.customerId());
                    return engine.store.engagements().save(e);
                });
    }

    @Override
    public PushStatistics statistics(ContentItemId contentId, BotRules bots) {
        Check.notNull(bots, "bots");
        ContentItem item = content(contentId);
        Map<CustomerId, List<Engagement>> engaged = new HashMap<>();
        for (Engagement e : engine.store.engagements().findBySource(Engagement.contentSource(item.id().value()))) {
            engaged.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
        }
        EngagementCounts total = EngagementCounts.EMPTY;
        Map<String, EngagementCounts> byTopic = new HashMap<>();
        Map<String, EngagementCounts> byBranch = new HashMap<>();
        try (Stream<Delivery> all = engine.store.deliveries().findByContent(item.id())) {
            for (Delivery d : (Iterable<Delivery>) all::iterator) {
                if (d.status() != DeliveryStatus.DELIVERED || access.visible(d.customerId()).isEmpty()) {
                    continue;
                }
                List<Engagement> raw = engaged.getOrDefault(d.customerId(), List.of());
                List<Engagement> human = bots.human(raw, d.attemptedAt());
                boolean clicked = human.stream().anyMatch(e -> e.kind() == EngagementKind.CLICKED);
                boolean opened = clicked || human.stream().anyMatch(e -> e.kind() == EngagementKind.OPENED);
                EngagementCounts one = new EngagementCounts(1, opened ? 1 : 0, clicked ? 1 : 0, raw.size() - human.size());
                total = total.plus(one);
                byTopic.merge(d.topic(), one, EngagementCounts::plus);
                byBranch.merge(d.branch() == null ? "-" : d.branch().value(), one, EngagementCounts::plus);
            }
        }
        return new PushStatistics(item.id(), total, byTopic, byBranch);
    }

    /** The id of the customer's subscription to the topic on the channel (one per triple; merges re-key by it). */
    static SubscriptionId subscriptionId(CustomerId customer, String topic, PushChannel channel) {
        return SubscriptionId.of(DerivedIds.of("s-", customer.value(), topic, channel.name()));
    }
}
