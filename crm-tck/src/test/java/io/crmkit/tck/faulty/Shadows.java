package io.crmkit.tck.faulty;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Secondary indexes kept by a faulty store beside the in-memory store's own, so a defect can
 * maintain them wrongly: each entry holds the keys the index believes a row has and the last row
 * written (returned for an entry whose row is gone, as a stale index entry would return it).
 */
final class Shadows {
    private Shadows() {}

    /** How an index entry changes on a save: from what it held (null: no entry) to the keys it now holds (null: none). */
    interface Policy<K> {
        @Nullable K next(@Nullable K held, K written, boolean inTx);
    }

    record Entry<K, A>(K keys, A row) {}

    /** One secondary index over rows of type A with keys K, by id. */
    static final class Index<I extends Comparable<I>, K, A> {
        final Map<I, Entry<K, A>> entries = new ConcurrentHashMap<>();
        private final Policy<K> policy;
        private final boolean keepOnDelete;

        Index(Policy<K> policy, boolean keepOnDelete) {
            this.policy = policy;
            this.keepOnDelete = keepOnDelete;
        }

        void saved(I id, K written, A row) {
            Entry<K, A> held = entries.get(id);
            K next = policy.next(held == null ? null : held.keys(), written, Faulty.inTx());
            if (next == null) {
                if (held == null) {
                    return;
                }
                next = held.keys();
            }
            entries.put(id, new Entry<>(next, row));
        }

        void deleted(I id) {
            if (!keepOnDelete) {
                entries.remove(id);
            }
        }

        /** The rows whose index keys match, in id order; {@code current} maps an entry to the row now stored (or empty). */
        List<A> matching(Predicate<K> match, Function<I, java.util.Optional<A>> current) {
            return entries.entrySet().stream().filter(e -> match.test(e.getValue().keys()))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> current.apply(e.getKey()).orElse(e.getValue().row())).toList();
        }
    }

    /** A correct index: it always holds the written keys. */
    static <K> Policy<K> correct() {
        return (held, written, inTx) -> written;
    }

    /** Keys as a customer index sees them. */
    record CustomerKeys(@Nullable StaffId owner, @Nullable OrgUnitId branch, LifecycleStage lifecycle, @Nullable TierCode tier,
            Set<String> tags) {
        static CustomerKeys of(Customer c) {
            return new CustomerKeys(c.owner(), c.branch(), c.lifecycle(), c.tier(), Set.copyOf(c.tags()));
        }

        boolean matches(CustomerQuery q) {
            return (q.owner() == null || q.owner().equals(owner)) && (q.branch() == null || q.branch().equals(branch))
                    && (q.lifecycle() == null || q.lifecycle() == lifecycle) && (q.tier() == null || q.tier().equals(tier))
                    && (q.tag() == null || tags.contains(q.tag()));
        }
    }

    record TaskKeys(StaffId assignee, boolean open, @Nullable Instant due) {
        static TaskKeys of(Task t) {
            return new TaskKeys(t.assignee(), t.status().isOpen(), t.dueAt());
        }
    }

    static final Comparator<Entry<TaskKeys, Task>> BY_DUE = Comparator.comparing((Entry<TaskKeys, Task> e) -> e.keys().due(),
            Comparator.nullsLast(Comparator.<Instant>naturalOrder())).thenComparing(e -> e.row().id());

    record OpportunityKeys(StaffId owner, OpportunityStatus status, PipelineId pipeline, String stage) {
        static OpportunityKeys of(Opportunity o) {
            return new OpportunityKeys(o.owner(), o.status(), o.pipelineId(), o.stage());
        }
    }

    /** One keyset page (cursor = last id) over rows already in id order. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> idOf, PageRequest request) {
        List<T> fetched = sorted.stream().filter(t -> request.after() == null || idOf.apply(t).compareTo(request.after()) > 0)
                .limit(request.size() + 1L).toList();
        return Page.of(fetched, request.size(), idOf);
    }
}
