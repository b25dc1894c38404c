package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.spi.PipelineRepository;

/** Pipelines on JPA. Thread-safe. */
final class JpaPipelines extends JpaRepository<Pipeline, PipelineId, PipelineEntity> implements PipelineRepository {

    JpaPipelines(Transactions tx, StoreSettings settings) {
        super(tx, settings, PipelineEntity.class, Pipeline.class, "Pipeline");
    }

    @Override
    String key(PipelineId id) {
        return id.value();
    }

    @Override
    PipelineEntity newEntity() {
        return new PipelineEntity();
    }

    @Override
    void copyColumns(Pipeline a, PipelineEntity e) {
        e.name = a.name();
    }

    @Override
    public List<Pipeline> findAll() {
        return tx.run(em -> fromRows(Jpql.from("Pipeline").list(em, "e.id", 0)));
    }
}
