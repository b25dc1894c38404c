package io.crmkit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.ChildMove.Kind;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.MergeService;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One merge worked out inside its transaction: both customers (in the actor's merge scope, neither
 * a tombstone, neither with an erasure scheduled), the survivor after the rules, and every child
 * record of the duplicate — the service, contact-policy and outreach ones in {@link ServiceChildren},
 * consents and do-not-contact flags (the most restrictive wins) in {@link ConsentMerge}.
 * {@link #apply} re-points the children and returns the move log; {@link #undo} replays a log
 * backwards. Children are re-pointed through their JSON form, so every kind is changed the same way
 * and validated by its own record. Not thread-safe (one per merge).
 */
record MergePlan(Engine engine, Customer survivor, Customer duplicate, Customer survivorAfter, List<Contact> contacts,
        List<Relationship> relationships, List<Relationship> between, List<LinkedAccount> accounts,
        List<Interaction> interactions, List<Opportunity> opportunities, List<Task> tasks, List<Alert> alerts,
        List<TierAssignment> history, List<PendingRequest> pending, ServiceChildren service, ConsentMerge consents) {

    static MergePlan of(Engine engine, Access access, CustomerId s, CustomerId d, Survivorship rules) {
        Customer sv = live(access.requireWritable(Operation.CUSTOMER_MERGE, s));
        Customer dv = live(access.requireWritable(Operation.CUSTOMER_MERGE, d));
        CrmStore store = engine.store;
        List<LinkedAccount> accounts = store.accounts().findByCustomer(d);
        List<LinkedAccount> own = store.accounts().findByCustomer(s);
        for (LinkedAccount a : accounts) {
            if (own.stream().anyMatch(o -> o.hostSystem().equals(a.hostSystem()) && o.externalId().equals(a.externalId()))) {
                throw ValidationException.of("duplicate", "SharedAccount",
                        "both customers link the same host account; unlink it from one of them first");
            }
        }
        List<Relationship> rels = new ArrayList<>();
        List<Relationship> between = new ArrayList<>();
        for (Relationship r : store.relationships().findByCustomer(d)) {
            (r.from().equals(s) || r.to().equals(s) ? between : rels).add(r);
        }
        List<Interaction> timeline = new ArrayList<>();
        String after = null;
        do {
            Page<Interaction> page = store.interactions().timeline(d, new PageRequest(after, PageRequest.MAX_SIZE));
            timeline.addAll(page.items());
            after = page.nextCursor();
            bound(timeline.size());
        } while (after != null);
        List<PendingRequest> pending = pendingOf(store, d);
        noErasureScheduled(store, s, "survivor");
        noErasureScheduled(store, d, "duplicate");
        MergePlan p = new MergePlan(engine, sv, dv, SurvivorshipApplier.apply(sv, dv, rules), store.contacts().findByCustomer(d),
                rels, between, accounts, timeline, store.opportunities().findByCustomer(d), store.tasks().findByCustomer(d),
                store.alerts().findByCustomer(d), store.tiers().history(d), pending, ServiceChildren.of(store, s, d),
                ConsentMerge.of(store, s, d));
        bound(p.counts().values().stream().mapToInt(Integer::intValue).sum());
        return p;
    }

    private static List<PendingRequest> pendingOf(CrmStore store, CustomerId d) {
        try {
            return store.approvals().findByCustomer(d).stream().filter(r -> r.status() == RequestStatus.PENDING).toList();
        } catch (StoreException e) {
            if (e.isTransient()) {
                throw e;
            }
            return List.of(); // a store without maker-checker keeps no pending requests to move
        }
    }

    /**
     * A scheduled erasure would erase the one customer and miss what the merge moved to, or brought
     * from, the other: such a merge waits until the erasure is applied.
     */
    private static void noErasureScheduled(CrmStore store, CustomerId c, String field) {
        boolean scheduled = ConsentMerge.kept(() -> store.erasures().findByCustomer(c), List.<io.crmkit.core.erasure.Erasure>of())
                .stream().anyMatch(e -> e.status() == io.crmkit.core.erasure.ErasureStatus.SCHEDULED);
        if (scheduled) {
            throw ValidationException.of(field, "ErasureScheduled", "has an erasure scheduled; merge after it is applied");
        }
    }

    static void bound(int n) {
        if (n > MergeRecord.MAX_MOVES) {
            throw ValidationException.of("duplicate", "Size", "has more than " + MergeRecord.MAX_MOVES + " child records to move");
        }
    }

    /** A tombstone is absent for merging: it was merged away already. */
    private static Customer live(Customer c) {
        if (c.tags().contains(MergeService.TOMBSTONE_TAG)) {
            throw new NotFoundException("Customer", c.id().value());
        }
        return c;
    }

    Map<Kind, Integer> counts() {
        Map<Kind, Integer> m = new EnumMap<>(Kind.class);
        m.put(Kind.CONTACT, contacts.size());
        m.put(Kind.RELATIONSHIP, relationships.size() + between.size());
        m.put(Kind.ACCOUNT, accounts.size());
        m.put(Kind.INTERACTION, interactions.size());
        m.put(Kind.OPPORTUNITY, opportunities.size());
        m.put(Kind.TASK, tasks.size());
        m.put(Kind.ALERT, alerts.size());
        m.put(Kind.TIER_HISTORY, history.size());
        m.put(Kind.PENDING_REQUEST, pending.size());
        service.counts(m);
        consents.counts(m);
        return m;
    }

    /** What {@link #apply} did: the move log, and the survivor's consent records and flags as they were. */
    record Applied(List<ChildMove> moves, ConsentMerge.Replaced replaced) {}

    /** Re-points every child to the survivor. */
    Applied apply(Instant now, String actor) {
        CrmStore store = engine.store;
        CustomerId to = survivor.id();
        List<ChildMove> log = new ArrayList<>();
        for (Contact c : contacts) {
            log.add(move(store.contacts(), Kind.CONTACT, c, "customerId", to, now, actor));
        }
        for (Relationship r : relationships) {
            String field = r.from().equals(duplicate.id()) ? "from" : "to";
            log.add(move(store.relationships(), Kind.RELATIONSHIP, r, field, to, now, actor));
        }
        for (Relationship r : between) {
            store.relationships().delete(r.id(), r.meta().version());
            log.add(new ChildMove(Kind.RELATIONSHIP, r.id().value(), "removed", 0));
        }
        for (LinkedAccount a : accounts) {
            log.add(move(store.accounts(), Kind.ACCOUNT, a, "customerId", to, now, actor));
        }
        for (Interaction i : interactions) {
            log.add(move(store.interactions(), Kind.INTERACTION, i, "customerId", to, now, actor));
        }
        for (Opportunity o : opportunities) {
            log.add(move(store.opportunities(), Kind.OPPORTUNITY, o, "customerId", to, now, actor));
        }
        for (Task t : tasks) {
            log.add(move(store.tasks(), Kind.TASK, t, "customerId", to, now, actor));
        }
        for (Alert a : alerts) {
            log.add(move(store.alerts(), Kind.ALERT, a, "customerId", to, now, actor));
        }
        for (PendingRequest r : pending) {
            log.add(move(store.approvals(), Kind.PENDING_REQUEST, r, "customerId", to, now, actor));
        }
        if (!history.isEmpty()) {
            store.tiers().moveHistory(duplicate.id(), to, history);
            for (TierAssignment t : history) {
                log.add(new ChildMove(Kind.TIER_HISTORY, t.effectiveFrom().toString(), "customerId", 0));
            }
        }
        service.apply(store, to, now, actor, log);
        ConsentMerge.Replaced replaced = consents.apply(store, to, now, actor, log);
        return new Applied(log, replaced);
    }

    /** Replays {@code m}'s move log backwards: every moved child back to the duplicate, removed relationships back. */
    static void undo(Engine engine, MergeRecord m, Instant now, String actor) {
        CrmStore store = engine.store;
        List<ChildMove> log = new ArrayList<>(m.moves());
        java.util.Collections.reverse(log);
        for (ChildMove mv : log) {
            switch (mv.kind()) {
                case CONTACT -> back(store.contacts(), io.crmkit.core.customer.ContactId.of(mv.id()), mv, m, now, actor);
                case RELATIONSHIP -> {
                    if (!mv.field().equals("removed")) {
                        back(store.relationships(), io.crmkit.core.customer.RelationshipId.of(mv.id()), mv, m, now, actor);
                    }
                }
                case ACCOUNT -> back(store.accounts(), io.crmkit.core.account.AccountId.of(mv.id()), mv, m, now, actor);
                case INTERACTION -> back(store.interactions(), io.crmkit.core.interaction.InteractionId.of(mv.id()), mv, m, now, actor);
                case OPPORTUNITY -> back(store.opportunities(), io.crmkit.core.opportunity.OpportunityId.of(mv.id()), mv, m, now, actor);
                case TASK -> back(store.tasks(), io.crmkit.core.task.TaskId.of(mv.id()), mv, m, now, actor);
                case ALERT -> back(store.alerts(), io.crmkit.core.alert.AlertId.of(mv.id()), mv, m, now, actor);
                case PENDING_REQUEST -> back(store.approvals(), io.crmkit.core.approval.PendingRequestId.of(mv.id()), mv, m, now, actor);
                case TIER_HISTORY -> { } // moved back as one batch below
                case CASE, CONTACT_LOG, CAMPAIGN_MEMBER, ENGAGEMENT, SUBSCRIPTION -> ServiceChildren.undo(store, mv, m, now, actor);
                case CONSENT, DO_NOT_CONTACT -> ConsentMerge.undo(store, mv, m, now, actor);
            }
        }
        for (Relationship r : m.removedRelationships()) {
            // the delete freed the id: inserting it again is a new aggregate (version 1), same content
            store.relationships().save(r.withMeta(r.meta().withVersion(0)));
        }
        if (!m.movedHistory().isEmpty()) {
            store.tiers().moveHistory(m.survivor(), m.duplicate(), m.movedHistory().stream()
                    .map(t -> new TierAssignment(m.survivor(), t.tier(), t.previous(), t.effectiveFrom(), t.source(), t.reason(),
                            t.assignedBy(), t.expiresAt()))
                    .toList());
        }
    }

    static <A extends Aggregate<I, A>, I> ChildMove move(Repository<A, I> repo, Kind kind, A child, String field,
            CustomerId to, Instant now, String actor) {
        A saved = repo.save(repoint(child, field, to).withMeta(child.meta().touched(now, actor)));
        return new ChildMove(kind, String.valueOf(child.id()), field, saved.meta().version());
    }

    static <A extends Aggregate<I, A>, I> void back(Repository<A, I> repo, I id, ChildMove mv, MergeRecord m,
            Instant now, String actor) {
        A current = repo.findById(id).orElseThrow(() -> new ConflictException(repo.typeName(), String.valueOf(id), mv.versionAfter()));
        ObjectNode node = CrmJson.mapper().valueToTree(current);
        if (!Objects.equals(node.path(mv.field()).asText(null), m.survivor().value())) {
            // moved elsewhere since the merge: putting it back would undo someone else's change
            throw new ConflictException(repo.typeName(), String.valueOf(id), mv.versionAfter());
        }
        repo.save(repoint(current, mv.field(), m.duplicate()).withMeta(current.meta().touched(now, actor)));
    }

    @SuppressWarnings("unchecked")
    private static <A> A repoint(A child, String field, CustomerId to) {
        ObjectNode node = CrmJson.mapper().valueToTree(child);
        node.put(field, to.value());
        try {
            return (A) CrmJson.mapper().treeToValue(node, child.getClass());
        } catch (JsonProcessingException e) {
            throw new StoreException("a child record could not be re-pointed (" + child.getClass().getSimpleName() + ")", false);
        }
    }
}
