package io.crmkit.core.internal;

import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.ContactTally;
import io.crmkit.core.campaign.Lift;
import io.crmkit.core.campaign.MemberGroup;
import io.crmkit.core.campaign.Touch;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementCounts;
import io.crmkit.core.outreach.EngagementKind;
import io.crmkit.core.spi.CrmStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One campaign report, computed from the stored facts: members, inbound interactions, engagements and
 * won opportunities. Attribution looks at every campaign that contacted a converting customer within
 * that campaign's own window before the win. Not thread-safe (one instance per report).
 */
final class CampaignFigures {
    private static final double CREDIT_TOLERANCE = 1e-9;

    private final CrmStore store;
    private final Campaign campaign;
    private final AttributionModel model;
    private final BotRules bots;
    private final Map<CampaignId, Optional<Campaign>> campaigns = new HashMap<>();

    CampaignFigures(CrmStore store, Campaign campaign, AttributionModel model, BotRules bots) {
        this.store = store;
        this.campaign = campaign;
        this.model = model;
        this.bots = bots;
        campaigns.put(campaign.id(), Optional.of(campaign));
    }

    CampaignReport report(List<CampaignMember> members) {
        ContactTally tally = tally(members);
        Instant launched = campaign.launchedAt();
        if (launched == null) {
            return new CampaignReport(campaign.id(), model.name(), tally, 0, 0, 0, Map.of(), campaign.cost(), null,
                    EngagementCounts.EMPTY, null);
        }
        Duration window = Duration.ofDays(campaign.windowDays());
        Map<CustomerId, CampaignMember> contacted = new HashMap<>();
        for (CampaignMember m : members) {
            if (m.outcome() == ContactOutcome.CONTACTED) {
                contacted.put(m.customerId(), m);
            }
        }
        Set<CustomerId> responders = inboundResponders(contacted, window);
        EngagementCounts engagement = engagement(contacted, responders);

        long treatedN = 0;
        long treatedWon = 0;
        long holdoutN = 0;
        long holdoutWon = 0;
        long conversions = 0;
        double credited = 0;
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Instant end = launched.plus(window);
        for (CampaignMember m : members) {
            List<Opportunity> won = wonBy(m.customerId());
            boolean convertedInWindow = won.stream().anyMatch(o -> inWindow(wonAt(o), launched, end));
            if (m.group() == MemberGroup.HOLDOUT) {
                holdoutN++;
                holdoutWon += convertedInWindow ? 1 : 0;
                continue;
            }
            treatedN++;
            treatedWon += convertedInWindow ? 1 : 0;
            if (m.contactedAt() == null) {
                continue;
            }
            for (Opportunity o : won) {
                Instant at = wonAt(o);
                if (!inWindow(at, m.contactedAt(), m.contactedAt().plus(window))) {
                    continue;
                }
                double share = share(m.customerId(), at);
                if (share > 0) {
                    conversions++;
                    credited += share;
                    BigDecimal part = o.amount().amount().multiply(BigDecimal.valueOf(share), MathContext.DECIMAL64);
                    revenue.merge(o.amount().currency().getCurrencyCode(), part, BigDecimal::add);
                }
            }
        }
        revenue.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        Double roi = null;
        if (campaign.cost() != null && campaign.cost().amount().signum() > 0) {
            BigDecimal back = revenue.getOrDefault(campaign.cost().currency().getCurrencyCode(), BigDecimal.ZERO);
            roi = back.subtract(campaign.cost().amount()).divide(campaign.cost().amount(), MathContext.DECIMAL64).doubleValue();
        }
        Lift lift = holdoutN > 0 && treatedN > 0 ? Lift.of(treatedN, treatedWon, holdoutN, holdoutWon) : null;
        return new CampaignReport(campaign.id(), model.name(), tally, responders.size(), conversions, credited, revenue,
                campaign.cost(), roi, engagement, lift);
    }

    private static ContactTally tally(List<CampaignMember> members) {
        int treated = 0;
        int contacted = 0;
        int deferred = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        for (CampaignMember m : members) {
            if (m.group() == MemberGroup.TREATED) {
                treated++;
            }
            switch (m.outcome()) {
                case CONTACTED -> contacted++;
                case DEFERRED -> deferred++;
                case REFUSED -> refusals.merge(m.reason(), 1, Integer::sum);
                default -> { }
            }
        }
        return new ContactTally(members.size(), treated, members.size() - treated, contacted, deferred, refusals, 0);
    }

    /** Contacted members with an inbound interaction in (contact, contact + window]. */
    private Set<CustomerId> inboundResponders(Map<CustomerId, CampaignMember> contacted, Duration window) {
        Set<CustomerId> out = new HashSet<>();
        if (contacted.isEmpty()) {
            return out;
        }
        Instant from = campaign.launchedAt();
        try (Stream<Interaction> all = store.interactions().stream(from, from.plus(window).plusNanos(1_000))) {
            all.forEach(i -> {
                CampaignMember m = contacted.get(i.customerId());
                if (m != null && i.direction() == Direction.INBOUND
                        && inWindow(i.occurredAt(), m.contactedAt(), m.contactedAt().plus(window))) {
                    out.add(i.customerId());
                }
            });
        }
        return out;
    }

    /** Opens and clicks by people; a person's click also makes the member a responder. */
    private EngagementCounts engagement(Map<CustomerId, CampaignMember> contacted, Set<CustomerId> responders) {
        Map<CustomerId, List<Engagement>> byCustomer = new HashMap<>();
        for (Engagement e : store.engagements().findBySource(Engagement.campaignSource(campaign.id().value()))) {
            if (contacted.containsKey(e.customerId())) {
                byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
            }
        }
        long openers = 0;
        long clickers = 0;
        long automated = 0;
        for (Map.Entry<CustomerId, List<Engagement>> entry : byCustomer.entrySet()) {
            List<Engagement> human = bots.human(entry.getValue(), contacted.get(entry.getKey()).contactedAt());
            automated += entry.getValue().size() - human.size();
            boolean opened = human.stream().anyMatch(e -> e.kind() == EngagementKind.OPENED);
            boolean clicked = human.stream().anyMatch(e -> e.kind() == EngagementKind.CLICKED);
            openers += opened || clicked ? 1 : 0; // a click implies the message was opened
            if (clicked) {
                clickers++;
                responders.add(entry.getKey());
            }
        }
        return new EngagementCounts(contacted.size(), openers, clickers, automated);
    }

    private List<Opportunity> wonBy(CustomerId customer) {
        return store.opportunities().findByCustomer(customer).stream().filter(o -> o.status() == OpportunityStatus.WON)
                .toList();
    }

    /** This campaign's share of a conversion at {@code at}, among every campaign that touched the customer. */
    private double share(CustomerId customer, Instant at) {
        List<Touch> touches = new ArrayList<>();
        for (CampaignMember m : store.campaignMembers().findByCustomer(customer)) {
            if (m.contactedAt() == null) {
                continue;
            }
            Optional<Campaign> c = campaigns.computeIfAbsent(m.campaignId(), store.campaigns()::findById);
            if (c.isPresent() && inWindow(at, m.contactedAt(), m.contactedAt().plus(Duration.ofDays(c.get().windowDays())))) {
                touches.add(new Touch(m.campaignId(), m.contactedAt()));
            }
        }
        touches.sort(Comparator.comparing(Touch::at).thenComparing(Touch::campaignId));
        double[] credits = model.credit(List.copyOf(touches), at);
        check(credits, touches.size());
        double share = 0;
        for (int i = 0; i < credits.length; i++) {
            if (touches.get(i).campaignId().equals(campaign.id())) {
                share += credits[i];
            }
        }
        return share;
    }

    private void check(double @Nullable [] credits, int touches) {
        boolean ok = credits != null && credits.length == touches;
        double sum = 0;
        for (int i = 0; ok && i < credits.length; i++) {
            ok = Double.isFinite(credits[i]) && credits[i] >= 0;
            sum += credits[i];
        }
        if (!ok || Math.abs(sum - 1) > CREDIT_TOLERANCE) {
            throw ValidationException.of("model", "Credits",
                    "the attribution model must return one non-negative credit per touch, summing to 1");
        }
    }

    /** When the opportunity was won: its last stage change. */
    static Instant wonAt(Opportunity o) {
        return o.history().isEmpty() ? o.meta().updatedAt() : o.history().get(o.history().size() - 1).at();
    }

    /** In (from, to]: a response at the very instant of the contact is not caused by it. */
    private static boolean inWindow(Instant at, Instant from, Instant to) {
        return at.isAfter(from) && !at.isAfter(to);
    }
}
