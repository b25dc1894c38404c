package io.crmkit.core.internal;

import io.crmkit.core.campaign.CampaignId;
import io.crmkit.core.campaign.CampaignMember;
import io.crmkit.core.campaign.CampaignMemberId;
import io.crmkit.core.casework.CaseId;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.ChildMove.Kind;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.spi.ContactLogRepository;
import io.crmkit.core.spi.CrmStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The duplicate's children in the service, contact-policy and outreach parts of the store, worked
 * out for one merge: service cases; the contact log (so the frequency caps count the person's
 * contacts once); campaign memberships, except in a campaign the survivor is a member of too (one
 * customer appears once per campaign), with the opens and clicks recorded for them; and
 * subscriptions, re-keyed to the survivor (their id is derived from the customer, topic and
 * channel), except one the survivor has for the same topic and channel. What does not move stays
 * on the tombstone. A store that keeps none of a kind has nothing of it to move. Not thread-safe
 * (one per merge).
 */
record ServiceChildren(List<ServiceCase> cases, List<ContactAttempt> contactLog, List<CampaignMember> memberships,
        List<Engagement> engagements, List<Subscription> subscriptions) {
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static ServiceChildren of(CrmStore store, CustomerId s, CustomerId d) {
        List<CampaignMember> memberships = new ArrayList<>();
        List<Engagement> engagements = new ArrayList<>();
        List<CampaignMember> own = ConsentMerge.kept(() -> store.campaignMembers().findByCustomer(s), List.<CampaignMember>of());
        Set<CampaignId> joined = own.stream().map(CampaignMember::campaignId).collect(Collectors.toSet());
        for (CampaignMember m : ConsentMerge.kept(() -> store.campaignMembers().findByCustomer(d), List.<CampaignMember>of())) {
            if (!joined.contains(m.campaignId())) {
                memberships.add(m);
                engagements.addAll(ConsentMerge.kept(() -> store.engagements()
                        .findBySourceAndCustomer(Engagement.campaignSource(m.campaignId().value()), d), List.<Engagement>of()));
                MergePlan.bound(engagements.size());
            }
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (Subscription sub : ConsentMerge.kept(() -> store.subscriptions().findByCustomer(d), List.<Subscription>of())) {
            if (store.subscriptions().findById(rekeyed(sub, s)).isEmpty()) {
                subscriptions.add(sub);
            }
        }
        return new ServiceChildren(ConsentMerge.kept(() -> store.cases().findByCustomer(d), List.<ServiceCase>of()),
                ConsentMerge.kept(() -> contactLog(store, d), List.<ContactAttempt>of()), memberships, engagements, subscriptions);
    }

    /** Every entry of the customer's contact log, read a bounded page at a time. */
    private static List<ContactAttempt> contactLog(CrmStore store, CustomerId d) {
        List<ContactAttempt> out = new ArrayList<>();
        Set<ContactAttemptId> seen = new HashSet<>();
        Instant from = EARLIEST;
        while (true) {
            List<ContactAttempt> page = store.contactLog().findByCustomer(d, from, ContactDecider.FAR);
            page.stream().filter(a -> seen.add(a.id())).forEach(out::add);
            MergePlan.bound(out.size());
            if (page.size() < ContactLogRepository.MAX_ENTRIES) {
                return out;
            }
            Instant last = page.get(page.size() - 1).at();
            if (last.equals(from)) {
                throw ValidationException.of("duplicate", "Size", "has more contact log entries at one instant than one read returns");
            }
            from = last; // the entries at that instant again, skipped by id
        }
    }

    private static SubscriptionId rekeyed(Subscription sub, CustomerId to) {
        return InformationServiceImpl.subscriptionId(to, sub.topic(), sub.channel());
    }

    void counts(Map<Kind, Integer> m) {
        m.put(Kind.CASE, cases.size());
        m.put(Kind.CONTACT_LOG, contactLog.size());
        m.put(Kind.CAMPAIGN_MEMBER, memberships.size());
        m.put(Kind.ENGAGEMENT, engagements.size());
        m.put(Kind.SUBSCRIPTION, subscriptions.size());
    }

    void apply(CrmStore store, CustomerId to, Instant now, String actor, List<ChildMove> log) {
        for (ServiceCase c : cases) {
            log.add(MergePlan.move(store.cases(), Kind.CASE, c, "customerId", to, now, actor));
        }
        for (ContactAttempt a : contactLog) {
            log.add(MergePlan.move(store.contactLog(), Kind.CONTACT_LOG, a, "customerId", to, now, actor));
        }
        for (CampaignMember m : memberships) {
            log.add(MergePlan.move(store.campaignMembers(), Kind.CAMPAIGN_MEMBER, m, "customerId", to, now, actor));
        }
        for (Engagement e : engagements) {
            log.add(MergePlan.move(store.engagements(), Kind.ENGAGEMENT, e, "customerId", to, now, actor));
        }
        for (Subscription sub : subscriptions) {
            Subscription saved = rekey(store, sub, to, now, actor);
            log.add(new ChildMove(Kind.SUBSCRIPTION, saved.id().value(), "id", saved.meta().version()));
        }
    }

    /** The subscription under the id derived from {@code to}; the old id is deleted (it names the other customer). */
    private static Subscription rekey(CrmStore store, Subscription sub, CustomerId to, Instant now, String actor) {
        store.subscriptions().delete(sub.id(), sub.meta().version());
        Meta meta = new Meta(0, sub.meta().createdAt(), sub.meta().createdBy(), now, actor);
        return store.subscriptions().save(new Subscription(rekeyed(sub, to), to, sub.topic(), sub.channel(), sub.active(), meta));
    }

    /** Undoes one entry of {@code m}'s move log of a kind this class moves. */
    static void undo(CrmStore store, ChildMove mv, MergeRecord m, Instant now, String actor) {
        switch (mv.kind()) {
            case CASE -> MergePlan.back(store.cases(), CaseId.of(mv.id()), mv, m, now, actor);
            case CONTACT_LOG -> MergePlan.back(store.contactLog(), ContactAttemptId.of(mv.id()), mv, m, now, actor);
            case CAMPAIGN_MEMBER -> MergePlan.back(store.campaignMembers(), CampaignMemberId.of(mv.id()), mv, m, now, actor);
            case ENGAGEMENT -> MergePlan.back(store.engagements(), EngagementId.of(mv.id()), mv, m, now, actor);
            case SUBSCRIPTION -> {
                // changes since the merge (an unsubscribe) go back with it; gone or re-created under the old id is a conflict
                Subscription current = store.subscriptions().findById(SubscriptionId.of(mv.id()))
                        .orElseThrow(() -> new ConflictException("Subscription", mv.id(), mv.versionAfter()));
                if (store.subscriptions().findById(rekeyed(current, m.duplicate())).isPresent()) {
                    throw new ConflictException("Subscription", mv.id(), mv.versionAfter());
                }
                rekey(store, current, m.duplicate(), now, actor);
            }
            default -> throw new IllegalArgumentException("not a service child: " + mv.kind());
        }
    }
}
