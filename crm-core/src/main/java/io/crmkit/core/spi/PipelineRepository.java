package io.crmkit.core.spi;

import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import java.util.List;

/** Pipelines: reference data. */
public interface PipelineRepository extends Repository<Pipeline, PipelineId> {
    /** Every pipeline, by id. */
    List<Pipeline> findAll();
}
