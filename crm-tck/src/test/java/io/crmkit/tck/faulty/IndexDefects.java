package io.crmkit.tck.faulty;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.tck.faulty.Shadows.CustomerKeys;
import io.crmkit.tck.faulty.Shadows.Index;
import io.crmkit.tck.faulty.Shadows.OpportunityKeys;
import io.crmkit.tck.faulty.Shadows.Policy;
import io.crmkit.tck.faulty.Shadows.TaskKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Defects in secondary-index maintenance: an attribute change, a delete or a transactional write the index misses. */
final class IndexDefects {
    private IndexDefects() {}

    static List<Defect> all() {
        return List.of(
                Defect.of("customer-owner-index-not-updated", "an update that reassigns a customer leaves the owner index as it was",
                        "IndexMaintenance", () -> customers(stale((h, w) -> new CustomerKeys(h.owner(), w.branch(), w.lifecycle(), w.tier(), w.tags())), false)),
                Defect.of("customer-branch-index-not-updated", "an update that moves a customer to another branch leaves the branch index as it was",
                        "IndexMaintenance", () -> customers(stale((h, w) -> new CustomerKeys(w.owner(), h.branch(), w.lifecycle(), w.tier(), w.tags())), false)),
                Defect.of("customer-lifecycle-index-not-updated", "a lifecycle change leaves the lifecycle index as it was",
                        "IndexMaintenance", () -> customers(stale((h, w) -> new CustomerKeys(w.owner(), w.branch(), h.lifecycle(), w.tier(), w.tags())), false)),
                Defect.of("customer-tier-index-not-updated", "a tier change leaves the tier index as it was",
                        "IndexMaintenance", () -> customers(stale((h, w) -> new CustomerKeys(w.owner(), w.branch(), w.lifecycle(), h.tier(), w.tags())), false)),
                Defect.of("customer-tags-only-added", "the tag index adds new tags on update but never removes dropped ones",
                        "IndexMaintenance", () -> customers(stale((h, w) -> new CustomerKeys(w.owner(), w.branch(), w.lifecycle(), w.tier(),
                                union(h.tags(), w.tags()))), false)),
                Defect.of("customer-delete-leaves-index-entries", "a deleted customer stays in the owner, branch, tier and tag indexes",
                        "IndexMaintenance", () -> customers(Shadows.correct(), true)),
                Defect.of("customer-index-skips-transactional-writes", "the customer indexes are maintained only for writes outside a transaction",
                        "IndexMaintenance", () -> customers((held, written, inTx) -> inTx ? null : written, false)),
                Defect.of("task-reassignment-not-reindexed", "a reassigned task stays on its old assignee's open list",
                        "IndexMaintenance", () -> tasks((h, w, tx) -> h == null ? w : new TaskKeys(h.assignee(), w.open(), w.due()), false)),
                Defect.of("task-completion-leaves-open-list", "a completed task stays on its assignee's open list",
                        "IndexMaintenance", () -> tasks((h, w, tx) -> h == null ? w : new TaskKeys(w.assignee(), h.open(), w.due()), false)),
                Defect.of("task-reschedule-keeps-old-order", "a new due time does not move the task in its assignee's list",
                        "IndexMaintenance", () -> tasks((h, w, tx) -> h == null ? w : new TaskKeys(w.assignee(), w.open(), h.due()), false)),
                Defect.of("task-delete-leaves-open-list", "a deleted task stays on its assignee's open list",
                        "IndexMaintenance, Rollbacks", () -> tasks(Shadows.correct(), true)),
                Defect.of("task-index-skips-transactional-writes", "the open-task index is maintained only for writes outside a transaction",
                        "IndexMaintenance", () -> tasks((h, w, tx) -> tx ? null : w, false)),
                Defect.of("opportunity-owner-not-reindexed", "a reassigned opportunity stays with its old owner",
                        "IndexMaintenance", () -> opportunities((h, w, tx) -> h == null ? w : new OpportunityKeys(h.owner(), w.status(), w.pipeline(), w.stage()), false)),
                Defect.of("opportunity-status-not-reindexed", "a won opportunity still counts as open in the owner-and-status index",
                        "IndexMaintenance", () -> opportunities((h, w, tx) -> h == null ? w : new OpportunityKeys(w.owner(), h.status(), w.pipeline(), w.stage()), false)),
                Defect.of("opportunity-stage-not-reindexed", "a stage move leaves the opportunity in its old stage",
                        "IndexMaintenance, Opportunities", () -> opportunities((h, w, tx) -> h == null ? w : new OpportunityKeys(w.owner(), w.status(), w.pipeline(), h.stage()), false)),
                Defect.of("opportunity-delete-leaves-index", "a deleted opportunity stays in the owner and stage indexes",
                        "IndexMaintenance", () -> opportunities(Shadows.correct(), true)),
                Defect.of("account-delete-leaves-customer-list", "a deleted account is still listed among the customer's accounts",
                        "IndexMaintenance", IndexDefects::accountGhostByCustomer),
                Defect.of("account-delete-leaves-host-key", "a deleted account is still found by its host key",
                        "IndexMaintenance", IndexDefects::accountGhostByHostKey),
                Defect.of("account-list-skips-transactional-inserts", "accounts linked inside a transaction never reach the by-customer index",
                        "IndexMaintenance", IndexDefects::accountTxInsertsUnlisted),
                Defect.of("interaction-delete-keeps-external-ref", "a deleted interaction's external reference stays in the reference index",
                        "IndexMaintenance, Interactions", IndexDefects::interactionRefGhost),
                Defect.of("interaction-count-not-decremented", "the per-customer interaction counter is not decremented by a delete",
                        "IndexMaintenance", IndexDefects::interactionCounter),
                Defect.of("contact-list-skips-transactional-inserts", "contacts added inside a transaction are missing from the customer's contact list",
                        "IndexMaintenance", IndexDefects::contactTxInsertsUnlisted));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A customer index policy that takes some keys from what it held on every update. */
    private static Policy<CustomerKeys> stale(java.util.function.BinaryOperator<CustomerKeys> mix) {
        return (held, written, inTx) -> held == null ? written : mix.apply(held, written);
    }

    private static CrmStore customers(Policy<CustomerKeys> policy, boolean keepOnDelete) {
        Faulty f = Faulty.store();
        Index<CustomerId, CustomerKeys, Customer> index = new Index<>(policy, keepOnDelete);
        java.util.function.Function<CustomerQuery, List<Customer>> matching = q -> index.matching(k -> k.matches(q), f.base.customers()::findById);
        return f.customers("save", (a, o) -> {
                    Customer stored = (Customer) o.proceed();
                    index.saved(stored.id(), CustomerKeys.of(stored), stored);
                    return stored;
                })
                .customers("delete", (a, o) -> {
                    o.proceed();
                    index.deleted((CustomerId) a[0]);
                    return null;
                })
                .customers("find", (a, o) -> {
                    o.proceed(); // validates the cursor
                    return Shadows.page(matching.apply((CustomerQuery) a[0]), c -> c.id().value(), (PageRequest) a[1]);
                })
                .customers("count", (a, o) -> (long) matching.apply((CustomerQuery) a[0]).size())
                .customers("stream", (a, o) -> matching.apply((CustomerQuery) a[0]).stream())
                .build();
    }

    private static CrmStore tasks(Policy<TaskKeys> policy, boolean keepOnDelete) {
        Faulty f = Faulty.store();
        Index<TaskId, TaskKeys, Task> index = new Index<>(policy, keepOnDelete);
        return f.tasks("save", (a, o) -> {
                    Task stored = (Task) o.proceed();
                    index.saved(stored.id(), TaskKeys.of(stored), stored);
                    return stored;
                })
                .tasks("delete", (a, o) -> {
                    o.proceed();
                    index.deleted((TaskId) a[0]);
                    return null;
                })
                .tasks("findOpenByAssignee", (a, o) -> {
                    o.proceed(); // validates the limit
                    StaffId assignee = (StaffId) a[0];
                    return index.entries.values().stream().filter(e -> e.keys().open() && e.keys().assignee().equals(assignee))
                            .sorted(Shadows.BY_DUE).limit((int) a[1])
                            .map(e -> f.base.tasks().findById(e.row().id()).orElse(e.row())).toList();
                })
                .build();
    }

    private static CrmStore opportunities(Policy<OpportunityKeys> policy, boolean keepOnDelete) {
        Faulty f = Faulty.store();
        Index<OpportunityId, OpportunityKeys, Opportunity> index = new Index<>(policy, keepOnDelete);
        return f.opportunities("save", (a, o) -> {
                    Opportunity stored = (Opportunity) o.proceed();
                    index.saved(stored.id(), OpportunityKeys.of(stored), stored);
                    return stored;
                })
                .opportunities("delete", (a, o) -> {
                    o.proceed();
                    index.deleted((OpportunityId) a[0]);
                    return null;
                })
                .opportunities("findByOwner", (a, o) -> {
                    o.proceed();
                    StaffId owner = (StaffId) a[0];
                    OpportunityStatus status = (OpportunityStatus) a[1];
                    return Shadows.page(index.matching(k -> k.owner().equals(owner) && (status == null || k.status() == status),
                            f.base.opportunities()::findById), x -> x.id().value(), (PageRequest) a[2]);
                })
                .opportunities("findByStage", (a, o) -> {
                    o.proceed();
                    PipelineId pipeline = (PipelineId) a[0];
                    String stage = (String) a[1];
                    return Shadows.page(index.matching(k -> k.pipeline().equals(pipeline) && k.stage().equals(stage),
                            f.base.opportunities()::findById), x -> x.id().value(), (PageRequest) a[2]);
                })
                .build();
    }

    /** Accounts as last written, kept after their delete. */
    private static final class Ghosts {
        final Map<AccountId, LinkedAccount> rows = new ConcurrentHashMap<>();
    }

    private static CrmStore accountGhostByCustomer() {
        Faulty f = Faulty.store();
        Ghosts ghosts = new Ghosts();
        return f.accounts("save", (a, o) -> {
                    LinkedAccount stored = (LinkedAccount) o.proceed();
                    ghosts.rows.put(stored.id(), stored);
                    return stored;
                })
                .accounts("findByCustomer", (a, o) -> ghosts.rows.values().stream().filter(x -> x.customerId().equals(a[0]))
                        .sorted(java.util.Comparator.comparing(LinkedAccount::id))
                        .map(x -> f.base.accounts().findById(x.id()).orElse(x)).toList())
                .build();
    }

    private static CrmStore accountGhostByHostKey() {
        Faulty f = Faulty.store();
        Ghosts ghosts = new Ghosts();
        return f.accounts("save", (a, o) -> {
                    LinkedAccount stored = (LinkedAccount) o.proceed();
                    ghosts.rows.put(stored.id(), stored);
                    return stored;
                })
                .accounts("findByExternalId", (a, o) -> ghosts.rows.values().stream()
                        .filter(x -> x.hostSystem().equals(a[0]) && x.externalId().equals(a[1]))
                        .sorted(java.util.Comparator.comparing(LinkedAccount::id))
                        .map(x -> f.base.accounts().findById(x.id()).orElse(x)).toList())
                .build();
    }

    private static CrmStore accountTxInsertsUnlisted() {
        Set<AccountId> unlisted = ConcurrentHashMap.newKeySet();
        return Faulty.store().accounts("save", (a, o) -> {
                    LinkedAccount stored = (LinkedAccount) o.proceed();
                    if (Faulty.inTx() && stored.meta().version() == 1) {
                        unlisted.add(stored.id());
                    }
                    return stored;
                })
                .accounts("findByCustomer", (a, o) -> ((List<?>) o.proceed()).stream()
                        .filter(x -> !unlisted.contains(((LinkedAccount) x).id())).toList())
                .build();
    }

    private static CrmStore interactionRefGhost() {
        Faulty f = Faulty.store();
        Map<ExternalRef, Interaction> byRef = new ConcurrentHashMap<>();
        return f.interactions("save", (a, o) -> {
                    Interaction i = (Interaction) a[0];
                    Interaction holder = i.externalRef() == null ? null : byRef.get(i.externalRef());
                    if (holder != null && !holder.id().equals(i.id())) {
                        throw new io.crmkit.core.error.DuplicateKeyException("Interaction", "externalRef");
                    }
                    Interaction stored = (Interaction) o.proceed();
                    if (stored.externalRef() != null) {
                        byRef.put(stored.externalRef(), stored);
                    }
                    return stored;
                })
                .interactions("findByExternalRef", (a, o) -> {
                    Interaction ghost = byRef.get((ExternalRef) a[0]);
                    return ghost == null ? o.proceed() : Optional.of(f.base.interactions().findById(ghost.id()).orElse(ghost));
                })
                .build();
    }

    private static CrmStore interactionCounter() {
        Map<CustomerId, AtomicLong> counts = new ConcurrentHashMap<>();
        return Faulty.store().interactions("save", (a, o) -> {
                    Interaction stored = (Interaction) o.proceed();
                    if (stored.meta().version() == 1) {
                        counts.computeIfAbsent(stored.customerId(), c -> new AtomicLong()).incrementAndGet();
                    }
                    return stored;
                })
                .interactions("countByCustomer", (a, o) -> {
                    AtomicLong n = counts.get((CustomerId) a[0]);
                    return n == null ? 0L : n.get();
                })
                .build();
    }

    private static CrmStore contactTxInsertsUnlisted() {
        Set<ContactId> unlisted = ConcurrentHashMap.newKeySet();
        return Faulty.store().contacts("save", (a, o) -> {
                    Contact stored = (Contact) o.proceed();
                    if (Faulty.inTx() && stored.meta().version() == 1) {
                        unlisted.add(stored.id());
                    }
                    return stored;
                })
                .contacts("findByCustomer", (a, o) -> ((List<?>) o.proceed()).stream()
                        .filter(x -> !unlisted.contains(((Contact) x).id())).toList())
                .build();
    }
}
