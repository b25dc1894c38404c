package io.crmkit.core.internal;

import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.PlannedPush;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.DataScope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides one push: reads the active subscriptions of the item's topics, keeps the subscribers the
 * actor reaches (and not yet served, when a delivery run says so), prepares one contact-policy
 * snapshot for all of them, and decides each subscriber's channels in preference order (APP, EMAIL,
 * SMS): the first the policy allows, or defers to a time still within the item's validity, wins.
 * Not thread-safe (one per plan).
 */
final class PushPlanner {
    private final Engine engine;
    private final Access access;

    PushPlanner(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    PushPlan plan(ContentItem item, PushSchedule schedule, Set<CustomerId> skip) {
        Map<CustomerId, Subscription[]> options = subscribers(item);
        List<CustomerId> ids = new ArrayList<>(options.size());
        for (CustomerId id : options.keySet()) {
            if (!skip.contains(id)) {
                ids.add(id);
            }
        }
        ids.sort(null);
        List<Customer> reached = reached(ids);
        OutreachPolicy policy = OutreachPolicy.prepare(access, reached);
        Map<ZoneId, Instant> times = new HashMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        List<PlannedPush> pushes = new ArrayList<>(reached.size());
        int deferred = 0;
        for (Customer c : reached) {
            Instant scheduled = times.computeIfAbsent(policy.zoneOf(c), schedule::in);
            if (!item.validAt(scheduled)) {
                refusals.merge("CONTENT_NOT_VALID", 1, Integer::sum);
                continue;
            }
            String reason = "NO_CHANNEL";
            PlannedPush chosen = null;
            for (Subscription s : options.get(c.id())) {
                if (s == null) {
                    continue; // no subscription on this channel
                }
                ContactDecision d = policy.decide(c, s.channel().channel(), item.kind().purpose(), scheduled);
                Instant at = d instanceof ContactDecision.Defer defer ? defer.until() : scheduled;
                if (d != null && (d.allowed() || d instanceof ContactDecision.Defer) && item.validAt(at)) {
                    chosen = new PlannedPush(c.id(), s.id(), s.topic(), s.channel(), at);
                    break;
                }
                reason = d instanceof ContactDecision.Defer ? "CONTENT_NOT_VALID" : OutreachPolicy.reason(d);
            }
            if (chosen == null) {
                refusals.merge(reason, 1, Integer::sum);
            } else {
                deferred += chosen.sendAt().equals(scheduled) ? 0 : 1;
                pushes.add(chosen);
            }
        }
        return new PushPlan(item.id(), pushes, refusals, deferred);
    }

    /** The customers of {@code ids} (sorted) the actor sees and the push run reaches, read in batches, in id order. */
    private List<Customer> reached(List<CustomerId> ids) {
        DataScope scope = access.scope(Operation.PUSH_RUN);
        List<Customer> reached = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += Batch.MAX_IDS) {
            for (Customer c : access.visible(ids.subList(from, Math.min(ids.size(), from + Batch.MAX_IDS)))) {
                if (scope.includes(c)) {
                    reached.add(c);
                }
            }
        }
        return reached;
    }

    /**
     * Per subscriber, one slot per channel in preference order holding the subscription on it (the
     * lowest id among topics), {@code null} for none; read in one pass over each topic's stream.
     */
    private Map<CustomerId, Subscription[]> subscribers(ContentItem item) {
        Map<CustomerId, Subscription[]> out = new HashMap<>();
        int channels = PushChannel.values().length;
        for (String topic : item.topics()) {
            try (Stream<Subscription> subs = engine.store.subscriptions().streamActiveByTopic(topic)) {
                subs.forEach(s -> {
                    Subscription[] slots = out.get(s.customerId());
                    if (slots == null) {
                        slots = new Subscription[channels];
                        out.put(s.customerId(), slots);
                    }
                    int i = s.channel().ordinal();
                    if (slots[i] == null || s.id().compareTo(slots[i].id()) < 0) {
                        slots[i] = s;
                    }
                });
            }
        }
        return out;
    }
}
