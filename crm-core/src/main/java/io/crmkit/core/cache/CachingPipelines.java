package io.crmkit.core.cache;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.spi.PipelineRepository;

/** Pipelines (reference data) read through a cache by id and as a whole list. Thread-safe. */
final class CachingPipelines implements PipelineRepository {
    private static final String ALL = "pipelines:all";
    private final PipelineRepository delegate;
    private final Cache<PipelineId, Pipeline> byId;
    private final Cache<String, List<Pipeline>> all;
    private final WriteTracker tracker;

    CachingPipelines(PipelineRepository delegate, Cache<PipelineId, Pipeline> byId, Cache<String, List<Pipeline>> all,
            WriteTracker tracker) {
        this.delegate = delegate;
        this.byId = byId;
        this.all = all;
        this.tracker = tracker;
    }

    @Override
    public Optional<Pipeline> findById(PipelineId id) {
        if (tracker.writtenInTransaction(id)) {
            return delegate.findById(id);
        }
        if (tracker.inTransaction()) {
            Pipeline hit = byId.getIfPresent(id);
            return hit != null ? Optional.of(hit) : delegate.findById(id);
        }
        return Optional.ofNullable(byId.get(id, k -> delegate.findById(k).orElse(null)));
    }

    @Override
    public List<Pipeline> findAll() {
        if (tracker.writtenInTransaction(ALL)) {
            return delegate.findAll();
        }
        if (tracker.inTransaction()) {
            List<Pipeline> hit = all.getIfPresent(ALL);
            return hit != null ? hit : delegate.findAll();
        }
        return all.get(ALL, k -> List.copyOf(delegate.findAll()));
    }

    @Override
    public Pipeline save(Pipeline aggregate) {
        Runnable evict = () -> {
            byId.invalidate(aggregate.id());
            all.invalidateAll();
        };
        tracker.written(evict, aggregate.id(), ALL);
        try {
            return delegate.save(aggregate);
        } finally {
            evict.run();
        }
    }

    @Override
    public void delete(PipelineId id, long expectedVersion) {
        Runnable evict = () -> {
            byId.invalidate(id);
            all.invalidateAll();
        };
        tracker.written(evict, id, ALL);
        try {
            delegate.delete(id, expectedVersion);
        } finally {
            evict.run();
        }
    }

    @Override
    public String typeName() {
        return delegate.typeName();
    }
}
