package io.crmkit.core.memory;

import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.spi.PipelineRepository;
import java.util.List;

/** Pipelines: a handful of reference rows. */
final class MemoryPipelines extends MemoryTable<Pipeline, PipelineId> implements PipelineRepository {
    MemoryPipelines(InMemoryCrmStore store) {
        super(store, "Pipeline");
    }

    @Override
    void index(Pipeline row) {}

    @Override
    void unindex(Pipeline row) {}

    @Override
    public List<Pipeline> findAll() {
        return seen(() -> store.read(() -> rows.values().stream().sorted(java.util.Comparator.comparing(Pipeline::id)).toList()), p -> true);
    }
}
