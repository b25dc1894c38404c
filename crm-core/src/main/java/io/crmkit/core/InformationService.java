package io.crmkit.core;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.DeliveryChannel;
import io.crmkit.core.info.DeliveryId;
import io.crmkit.core.info.NewContentItem;
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushRun;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.PushStatistics;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementKind;
import java.time.Instant;
import java.util.List;

/**
 * The information service (信息服务): publish content, keep subscriptions, decide pushes (who, on
 * which channel, when in their own zone, through the contact policy), deliver them through the host's
 * channels and record them, and report delivery, open and click figures.
 *
 * <pre>{@code
 * ContentItem note = session.information().publish(NewContentItem.of(ContentKind.MORNING_NOTE, "Morning note",
 *         Set.of("morning-note"), validFrom, validUntil));
 * PushPlan plan = session.information().plan(note.id(), PushSchedule.morningNote(today));
 * PushRun run = session.information().deliver(note.id(), PushSchedule.morningNote(today), clock.instant(), List.of(sms, email, app));
 * }</pre>
 *
 * <p>Plans, deliveries and statistics cover the subscribers the actor reaches ({@code push.run} for
 * plans and deliveries, customer read for statistics). Thread-safe.
 */
public interface InformationService {
    /** Publishes a content item. */
    ContentItem publish(NewContentItem item);

    /**
     * The item.
     *
     * @throws io.crmkit.core.error.NotFoundException if there is none
     */
    ContentItem content(ContentItemId id);

    /** Subscribes a customer to a topic on a channel (again: reactivates, with the new zone). */
    Subscription subscribe(NewSubscription subscription);

    /**
     * Ends a subscription (kept, inactive).
     *
     * @throws io.crmkit.core.error.NotFoundException if the customer has no such subscription
     */
    Subscription unsubscribe(CustomerId customerId, String topic, PushChannel channel);

    /** The customer's subscriptions, active and ended, by topic then channel. */
    List<Subscription> subscriptions(CustomerId customerId);

    /**
     * Decides the push of {@code contentId} on {@code schedule}: every active subscriber of one of its
     * topics gets it at most once, on the first channel (APP, EMAIL, SMS) among their subscriptions the
     * contact policy allows, at the schedule's local time in the subscription's zone (later if the
     * policy defers it), and only within the item's validity. Records nothing.
     */
    PushPlan plan(ContentItemId contentId, PushSchedule schedule);

    /**
     * Plans, then sends every push due by {@code upTo} through the channel of its kind, and records
     * each as a delivery. Idempotent: a push recorded by an earlier run is not sent again.
     */
    PushRun deliver(ContentItemId contentId, PushSchedule schedule, Instant upTo, List<DeliveryChannel> channels);

    /**
     * Records an open or click of a delivery, as the host's tracking saw it.
     *
     * @throws io.crmkit.core.error.NotFoundException if the actor sees no such delivery
     */
    Engagement recordEngagement(DeliveryId deliveryId, EngagementKind kind, Instant at, boolean automatedAgent);

    /** Delivery, open and click figures of the item, in all, by topic and by branch. */
    PushStatistics statistics(ContentItemId contentId, BotRules bots);
}
