package io.crmkit.core.internal;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.PlannedPush;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.spi.DataScope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides one push: reads the active subscriptions of the item's topics, keeps the subscribers the
 * actor reaches, and asks the contact policy in bulk, one call per channel: a subscriber refused on
 * their first channel (APP, then EMAIL, then SMS) is asked again, in the next channel's call, for
 * the next one they subscribed on. Not thread-safe (one per plan).
 */
final class PushPlanner {
    private static final PushChannel[] PREFERENCE = PushChannel.values();

    /** One subscriber: their options in channel preference order and where the decision stands. */
    private static final class Candidate {
        final Customer customer;
        final Subscription[] options;
        int next;
        String lastReason = "NO_CHANNEL";

        Candidate(Customer customer, Subscription[] options) {
            this.customer = customer;
            this.options = options;
        }
    }

    private final Engine engine;
    private final Access access;

    PushPlanner(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    PushPlan plan(ContentItem item, PushSchedule schedule) {
        Map<CustomerId, List<Subscription>> byCustomer = new HashMap<>();
        for (String topic : item.topics()) {
            try (Stream<Subscription> subs = engine.store.subscriptions().streamActiveByTopic(topic)) {
                subs.forEach(s -> byCustomer.computeIfAbsent(s.customerId(), k -> new ArrayList<>(2)).add(s));
            }
        }
        List<CustomerId> ids = new ArrayList<>(byCustomer.keySet());
        ids.sort(null);
        DataScope scope = access.scope(Operation.PUSH_RUN);
        Map<String, Integer> refusals = new TreeMap<>();
        List<Candidate> open = new ArrayList<>(ids.size());
        for (CustomerId id : ids) {
            Customer c = access.visible(id).filter(scope::includes).orElse(null);
            if (c != null) {
                open.add(new Candidate(c, options(byCustomer.get(id))));
            }
        }
        Map<ZoneId, Instant> times = new HashMap<>();
        List<PlannedPush> pushes = new ArrayList<>(open.size());
        int deferred = 0;
        OutreachPolicy policy = new OutreachPolicy(engine);
        while (!open.isEmpty()) {
            List<Candidate> again = new ArrayList<>();
            for (PushChannel channel : PREFERENCE) {
                List<Candidate> asking = new ArrayList<>();
                List<Customer> customers = new ArrayList<>();
                List<Instant> at = new ArrayList<>();
                for (Candidate c : open) {
                    if (c.next < 0 || c.next >= c.options.length) {
                        continue;
                    }
                    Subscription s = c.options[c.next];
                    if (s.channel() != channel) {
                        continue;
                    }
                    Instant sendAt = times.computeIfAbsent(s.zone(), schedule::in);
                    if (!item.validAt(sendAt)) {
                        c.lastReason = "CONTENT_NOT_VALID";
                        c.next = c.options.length; // the item is not valid then on any channel of this zone
                        continue;
                    }
                    asking.add(c);
                    customers.add(c.customer);
                    at.add(sendAt);
                }
                OutreachPolicy.Verdict[] verdicts = policy.decide(customers, channel.channel(), item.kind().purpose(),
                        at.toArray(new Instant[0]));
                for (int i = 0; i < verdicts.length; i++) {
                    Candidate c = asking.get(i);
                    Subscription s = c.options[c.next];
                    OutreachPolicy.Verdict v = verdicts[i];
                    Instant sendAt = v.kind() == OutreachPolicy.Verdict.Kind.DEFER ? v.until() : at.get(i);
                    if (v.kind() == OutreachPolicy.Verdict.Kind.DENY) {
                        c.lastReason = v.reason();
                        c.next++;
                    } else if (!item.validAt(sendAt)) {
                        c.lastReason = "CONTENT_NOT_VALID";
                        c.next++;
                    } else {
                        if (v.kind() == OutreachPolicy.Verdict.Kind.DEFER) {
                            deferred++;
                        }
                        pushes.add(new PlannedPush(c.customer.id(), s.id(), s.topic(), s.channel(), sendAt));
                        c.next = -1;
                    }
                }
            }
            for (Candidate c : open) {
                if (c.next < 0) {
                    continue;
                }
                if (c.next < c.options.length) {
                    again.add(c);
                } else {
                    refusals.merge(c.lastReason, 1, Integer::sum);
                }
            }
            open = again;
        }
        pushes.sort(java.util.Comparator.comparing(PlannedPush::customerId));
        return new PushPlan(item.id(), pushes, refusals, deferred);
    }

    /** One subscription per channel, in preference order (the lowest id wins among topics on one channel). */
    private static Subscription[] options(List<Subscription> subs) {
        List<Subscription> out = new ArrayList<>(PREFERENCE.length);
        for (PushChannel ch : PREFERENCE) {
            Subscription best = null;
            for (Subscription s : subs) {
                if (s.channel() == ch && (best == null || s.id().compareTo(best.id()) < 0)) {
                    best = s;
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        return out.toArray(new Subscription[0]);
    }
}
