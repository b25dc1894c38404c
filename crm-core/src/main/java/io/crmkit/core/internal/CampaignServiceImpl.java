package io.crmkit.core.internal;

import io.crmkit.core.CampaignService;
import io.crmkit.core.campaign.AttributionModel;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.campaign.CampaignStatus;
import io.crmkit.core.campaign.ContactOutcome;
import io.crmkit.core.campaign.ContactTally;
import io.crmkit.core.campaign.MemberGroup;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.outreach.BotRules;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.outreach.EngagementKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** {@link CampaignService} over the store, through the write pipeline. Thread-safe. */
final class CampaignServiceImpl implements CampaignService {
    private final Engine engine;
    private final Actor actor;
    private final Access access;

    CampaignServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public Campaign define(NewCampaign n) {
        Check.notNull(n, "campaign");
        return engine.write(access, Operation.CAMPAIGN_MANAGE, "Campaign", null, Call.of("campaigns", "define", n), null, n,
                () -> {
                    Campaign c = new Campaign(CampaignId.of(engine.newId("Campaign")), n.name(), n.channel(),
                            n.holdoutPercent(), n.seed(), n.windowDays(), n.cost(), CampaignStatus.DRAFT, null, null, null,
                            null, ContactTally.NONE, Meta.created(engine.now(), actor.id()));
                    engine.guard(null, c, null);
                    return engine.store.campaigns().save(c);
                });
    }

    @Override
    public Campaign get(CampaignId id) {
        Check.notNull(id, "id");
        access.authorise(Operation.CUSTOMER_READ);
        return engine.store.campaigns().findById(id).orElseThrow(() -> new NotFoundException("Campaign", id.value()));
    }

    @Override
    public Campaign launch(CampaignId id, long expectedVersion, Audience audience) {
        Check.notNull(id, "id");
        Check.notNull(audience, "audience");
        return engine.write(access, Operation.CAMPAIGN_MANAGE, "Campaign", id,
                Call.of("campaigns", "launch", id, expectedVersion, audience), null, audience, () -> {
                    Campaign current = current(id, expectedVersion, CampaignStatus.DRAFT);
                    Instant now = engine.now();
                    List<Customer> reachable = new ArrayList<>(audience.customers().size());
                    for (CustomerId c : audience.customers()) {
                        access.visible(c).filter(x -> access.scope(Operation.CAMPAIGN_MANAGE).includes(x))
                                .ifPresent(reachable::add);
                    }
                    int excluded = audience.customers().size() - reachable.size();
                    List<Customer> treated = new ArrayList<>();
                    List<CampaignMember> members = new ArrayList<>(reachable.size());
                    for (Customer c : reachable) {
                        if (Holdout.drawn(current.seed(), c.id(), current.holdoutPercent())) {
                            members.add(member(current, c.id(), MemberGroup.HOLDOUT, ContactOutcome.HELD_OUT, null, null,
                                    null, now));
                        } else {
                            treated.add(c);
                        }
                    }
                    OutreachPolicy policy = OutreachPolicy.prepare(access, treated);
                    Channel channel = current.channel();
                    String reference = "campaign:" + current.id().value();
                    Map<String, Integer> refusals = new TreeMap<>();
                    int contacted = 0;
                    int deferred = 0;
                    for (Customer customer : treated) {
                        CustomerId c = customer.id();
                        ContactDecision d = policy.decide(customer, channel, ConsentPurpose.MARKETING, now);
                        policy.log(c, channel, ConsentPurpose.MARKETING, d, now, reference);
                        if (d != null && d.allowed()) {
                            contacted++;
                            members.add(member(current, c, MemberGroup.TREATED, ContactOutcome.CONTACTED, null, now, null, now));
                        } else if (d instanceof ContactDecision.Defer defer) {
                            deferred++;
                            members.add(member(current, c, MemberGroup.TREATED, ContactOutcome.DEFERRED,
                                    OutreachPolicy.reason(d), null, defer.until(), now));
                        } else {
                            refusals.merge(OutreachPolicy.reason(d), 1, Integer::sum);
                            members.add(member(current, c, MemberGroup.TREATED, ContactOutcome.REFUSED, OutreachPolicy.reason(d),
                                    null, null, now));
                        }
                    }
                    ContactTally tally = new ContactTally(reachable.size(), treated.size(), reachable.size() - treated.size(),
                            contacted, deferred, refusals, excluded);
                    Campaign next = current.launched(audience, now, tally).withMeta(current.meta().touched(now, actor.id()));
                    engine.guard(current, next, null);
                    Campaign saved = engine.store.campaigns().save(next);
                    members.forEach(engine.store.campaignMembers()::save);
                    return saved;
                });
    }

    private CampaignMember member(Campaign c, CustomerId customer, MemberGroup group, ContactOutcome outcome,
            @org.jspecify.annotations.Nullable String reason, @org.jspecify.annotations.Nullable Instant contactedAt,
            @org.jspecify.annotations.Nullable Instant until, Instant now) {
        return new CampaignMember(CampaignMemberId.of(engine.newId("CampaignMember")), c.id(), customer, group, outcome,
                reason, contactedAt, until == null ? null : until.truncatedTo(ChronoUnit.MICROS),
                Meta.created(now, actor.id()));
    }

    @Override
    public Campaign close(CampaignId id, long expectedVersion) {
        Check.notNull(id, "id");
        return engine.write(access, Operation.CAMPAIGN_MANAGE, "Campaign", id, Call.of("campaigns", "close", id, expectedVersion),
                null, "close", () -> {
                    Campaign current = current(id, expectedVersion, CampaignStatus.LAUNCHED);
                    Campaign next = current.closed(engine.now()).withMeta(current.meta().touched(engine.now(), actor.id()));
                    engine.guard(current, next, null);
                    return engine.store.campaigns().save(next);
                });
    }

    private Campaign current(CampaignId id, long expectedVersion, CampaignStatus required) {
        Campaign current = engine.store.campaigns().findById(id).orElseThrow(() -> new NotFoundException("Campaign", id.value()));
        if (current.meta().version() != expectedVersion) {
            throw new ConflictException("Campaign", id.value(), expectedVersion);
        }
        if (current.status() != required) {
            throw ValidationException.of("status", required.name(), "the campaign is " + current.status());
        }
        return current;
    }

    @Override
    public List<CampaignMember> memberships(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        access.requireVisible(customerId);
        return OutreachViews.memberships(engine, customerId);
    }

    @Override
    public Engagement recordEngagement(CampaignId id, CustomerId customerId, EngagementKind kind, Instant at,
            boolean automatedAgent) {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.notNull(kind, "kind");
        Check.notNull(at, "at");
        return engine.write(access, Operation.CAMPAIGN_ENGAGEMENT, "Engagement", null,
                Call.of("campaigns", "recordEngagement", id, customerId, kind, at, automatedAgent), null, kind, () -> {
                    access.requireWritable(Operation.CAMPAIGN_ENGAGEMENT, customerId);
                    boolean member = engine.store.campaignMembers().findByCustomer(customerId).stream()
                            .anyMatch(m -> m.campaignId().equals(id) && m.outcome() == ContactOutcome.CONTACTED);
                    if (!member) {
                        throw new NotFoundException("CampaignMember", id.value());
                    }
                    Engagement e = new Engagement(EngagementId.of(engine.newId("Engagement")),
                            Engagement.campaignSource(id.value()), customerId, kind, at.truncatedTo(ChronoUnit.MICROS),
                            automatedAgent, Meta.created(engine.now(), actor.id()));
                    engine.guard(null, e, customerId);
                    return engine.store.engagements().save(e);
                });
    }

    @Override
    public CampaignReport report(CampaignId id, AttributionModel model, BotRules bots) {
        Check.notNull(model, "model");
        Check.notNull(bots, "bots");
        Campaign c = get(id);
        List<CampaignMember> visible;
        try (Stream<CampaignMember> all = engine.store.campaignMembers().findByCampaign(id)) {
            visible = all.filter(m -> access.visible(m.customerId()).isPresent()).toList();
        }
        return new CampaignFigures(engine.store, c, model, bots).report(visible);
    }
}
