package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementId;
import io.crmkit.core.spi.EngagementRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Engagements indexed by source. */
final class MemoryEngagements extends MemoryTable<Engagement, EngagementId> implements EngagementRepository {
    private final Map<String, TreeSet<EngagementId>> bySource = new HashMap<>();

    MemoryEngagements(InMemoryCrmStore store) {
        super(store, "Engagement");
    }

    @Override void index(Engagement e) { add(bySource, e.sourceId(), e.id()); }

    @Override void unindex(Engagement e) { remove(bySource, e.sourceId(), e.id()); }

    @Override
    public List<Engagement> findBySource(String sourceId) {
        Check.notNull(sourceId, "sourceId");
        return seen(() -> store.read(() -> bySource.getOrDefault(sourceId, new TreeSet<>()).stream().map(rows::get).toList()),
                e -> sourceId.equals(e.sourceId()));
    }
}
