package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Opportunities indexed by customer, owner and pipeline stage. */
final class MemoryOpportunities extends MemoryTable<Opportunity, OpportunityId> implements OpportunityRepository {
    private final Map<CustomerId, TreeSet<OpportunityId>> byCustomer = new HashMap<>();
    private final Map<StaffId, TreeSet<OpportunityId>> byOwner = new HashMap<>();
    private final Map<String, TreeSet<OpportunityId>> byStage = new HashMap<>();

    MemoryOpportunities(InMemoryCrmStore store) {
        super(store, "Opportunity");
    }

    private static String stageKey(PipelineId pipeline, String stage) {
        return pipeline.value() + "\u0000" + stage;
    }

    @Override
    void index(Opportunity o) {
        add(byCustomer, o.customerId(), o.id());
        add(byOwner, o.owner(), o.id());
        add(byStage, stageKey(o.pipelineId(), o.stage()), o.id());
    }

    @Override
    void unindex(Opportunity o) {
        remove(byCustomer, o.customerId(), o.id());
        remove(byOwner, o.owner(), o.id());
        remove(byStage, stageKey(o.pipelineId(), o.stage()), o.id());
    }

    @Override
    public List<Opportunity> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                o -> customerId.equals(o.customerId()));
    }

    @Override
    public Page<Opportunity> findByOwner(StaffId owner, @Nullable OpportunityStatus status, PageRequest page) {
        Check.notNull(owner, "owner");
        return page(() -> byOwner.get(owner), o -> status == null || o.status() == status, page);
    }

    @Override
    public Page<Opportunity> findByStage(PipelineId pipelineId, String stage, PageRequest page) {
        Check.notNull(pipelineId, "pipelineId");
        Check.notNull(stage, "stage");
        return page(() -> byStage.get(stageKey(pipelineId, stage)), o -> true, page);
    }

    private Page<Opportunity> page(java.util.function.Supplier<@Nullable TreeSet<OpportunityId>> index,
            Predicate<Opportunity> filter, PageRequest page) {
        Check.notNull(page, "page");
        OpportunityId after = idCursor(page.after(), OpportunityId::of);
        return store.read(() -> {
            TreeSet<OpportunityId> ids = index.get();
            if (ids == null) {
                return new Page<>(List.of(), null);
            }
            NavigableSet<OpportunityId> range = after == null ? ids : ids.tailSet(after, false);
            List<Opportunity> fetched = new ArrayList<>(page.size() + 1);
            for (OpportunityId id : range) {
                Opportunity o = rows.get(id);
                if (filter.test(o)) {
                    fetched.add(o);
                    if (fetched.size() > page.size()) {
                        break;
                    }
                }
            }
            return Page.of(fetched, page.size(), o -> o.id().value());
        });
    }

    /** One read lock for the whole batch. */
    @Override
    public List<Opportunity> findByCustomers(Collection<CustomerId> customerIds) {
        List<CustomerId> ids = Batch.ids(customerIds, "customerIds");
        Set<CustomerId> wanted = new HashSet<>(ids);
        return seen(() -> store.read(() -> {
            TreeSet<OpportunityId> hits = new TreeSet<>();
            for (CustomerId id : ids) {
                TreeSet<OpportunityId> own = byCustomer.get(id);
                if (own != null) {
                    hits.addAll(own);
                }
            }
            return hits.stream().map(rows::get).toList();
        }), o -> wanted.contains(o.customerId()));
    }
}
