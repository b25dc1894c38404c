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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides one push: reads the active subscriptions of the item's topics, keeps the subscribers the
 * actor reaches (and not yet served, when a delivery run says so), and decides each subscriber's
 * channels in preference order (APP, EMAIL, SMS): the first the policy allows, or defers to a time
 * still within the item's validity, wins.
 *
 * <p>The subscriptions are sorted by subscriber, channel and id, so each subscriber's options are
 * adjacent and the plan comes out in customer id order. Subscribers are then taken
 * {@value #CHUNK} at a time: read in batches, scope-checked, one contact-policy snapshot prepared
 * for the chunk (every chunk's as of the same instant: a decision depends only on the customer's own
 * consents, flags and contacts, so the answers are those of one snapshot for all), decided. What a
 * chunk needs is dropped before the next, so a plan over a large book holds little more than its
 * subscriptions and its result. Not thread-safe (one per plan).
 */
final class PushPlanner {
    /** Subscribers per contact-policy snapshot: ten store batches. */
    static final int CHUNK = 10 * Batch.MAX_IDS;

    /** By subscriber, then channel in preference order, then id (the lowest id among topics counts). */
    private static final Comparator<Subscription> ORDER = (a, b) -> {
        int c = a.customerId().compareTo(b.customerId());
        if (c == 0) {
            c = a.channel().compareTo(b.channel());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    private final Engine engine;
    private final Access access;
    private final Map<ZoneId, Instant> times = new HashMap<>();
    private final Map<String, Integer> refusals = new HashMap<>();
    private final List<PlannedPush> pushes = new ArrayList<>();
    private int deferred;

    PushPlanner(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    PushPlan plan(ContentItem item, PushSchedule schedule, Set<CustomerId> skip) {
        List<Subscription> subs = subscriptions(item, skip);
        DataScope scope = access.scope(Operation.PUSH_RUN);
        Instant asOf = engine.now();
        List<CustomerId> ids = new ArrayList<>(CHUNK);
        int[] starts = new int[CHUNK + 1];
        int i = 0;
        while (i < subs.size()) {
            ids.clear();
            int g = 0;
            while (i < subs.size() && g < CHUNK) {
                CustomerId c = subs.get(i).customerId();
                starts[g++] = i;
                ids.add(c);
                do {
                    i++;
                } while (i < subs.size() && subs.get(i).customerId().equals(c));
            }
            starts[g] = i;
            decideChunk(item, schedule, subs, ids, starts, scope, asOf);
        }
        return new PushPlan(item.id(), pushes, refusals, deferred);
    }

    /**
     * Decides the subscribers {@code ids} (sorted, distinct), whose subscriptions are
     * {@code subs[starts[g]..starts[g + 1])} for the {@code g}-th of them.
     */
    private void decideChunk(ContentItem item, PushSchedule schedule, List<Subscription> subs, List<CustomerId> ids,
            int[] starts, DataScope scope, Instant asOf) {
        List<Customer> reached = new ArrayList<>(ids.size());
        int[] groupOf = new int[ids.size()];
        int g = 0;
        for (int from = 0; from < ids.size(); from += Batch.MAX_IDS) {
            List<CustomerId> batch = ids.subList(from, Math.min(ids.size(), from + Batch.MAX_IDS));
            List<Customer> seen = access.visible(batch);
            // the visible ones, in the order given: all of them, or walk the ids alongside to find each one's subscriptions
            boolean all = seen.size() == batch.size();
            for (int k = 0; k < seen.size(); k++) {
                Customer c = seen.get(k);
                if (all) {
                    g = from + k;
                } else {
                    while (!ids.get(g).equals(c.id())) {
                        g++;
                    }
                }
                if (scope.includes(c)) {
                    groupOf[reached.size()] = g;
                    reached.add(c);
                }
            }
        }
        OutreachPolicy policy = OutreachPolicy.prepare(access, reached, asOf);
        for (int k = 0; k < reached.size(); k++) {
            decide(item, schedule, policy, reached.get(k), subs, starts[groupOf[k]], starts[groupOf[k] + 1]);
        }
    }

    /** Decides one subscriber over its subscriptions {@code subs[from..to)} (sorted by channel, then id). */
    private void decide(ContentItem item, PushSchedule schedule, OutreachPolicy policy, Customer c, List<Subscription> subs,
            int from, int to) {
        Instant scheduled = times.computeIfAbsent(policy.zoneOf(c), schedule::in);
        if (!item.validAt(scheduled)) {
            refusals.merge("CONTENT_NOT_VALID", 1, Integer::sum);
            return;
        }
        String reason = "NO_CHANNEL";
        PushChannel tried = null;
        for (int i = from; i < to; i++) {
            Subscription s = subs.get(i);
            if (s.channel() == tried) {
                continue; // the same channel under another topic: the lowest id, first, counts
            }
            tried = s.channel();
            ContactDecision d = policy.decide(c, s.channel().channel(), item.kind().purpose(), scheduled);
            Instant at = d instanceof ContactDecision.Defer defer ? defer.until() : scheduled;
            if (d != null && (d.allowed() || d instanceof ContactDecision.Defer) && item.validAt(at)) {
                deferred += at.equals(scheduled) ? 0 : 1;
                pushes.add(new PlannedPush(c.id(), s.id(), s.topic(), s.channel(), at));
                return;
            }
            reason = d instanceof ContactDecision.Defer ? "CONTENT_NOT_VALID" : OutreachPolicy.reason(d);
        }
        refusals.merge(reason, 1, Integer::sum);
    }

    /** The active subscriptions of the item's topics, without the subscribers in {@code skip}, in {@link #ORDER}. */
    private List<Subscription> subscriptions(ContentItem item, Set<CustomerId> skip) {
        List<Subscription> out = new ArrayList<>();
        for (String topic : item.topics()) {
            try (Stream<Subscription> subs = engine.store.subscriptions().streamActiveByTopic(topic)) {
                subs.forEach(s -> {
                    if (skip.isEmpty() || !skip.contains(s.customerId())) {
                        out.add(s);
                    }
                });
            }
        }
        out.sort(ORDER);
        return out;
    }
}
