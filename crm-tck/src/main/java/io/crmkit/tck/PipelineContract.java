package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pipeline repository: CRUD (inherited) with stage order kept, and the list of all pipelines by id. */
public abstract class PipelineContract extends RepositoryContract<Pipeline, PipelineId> {

    @Override
    protected Repository<Pipeline, PipelineId> repository() {
        return store().pipelines();
    }

    @Override
    protected PipelineId newId() {
        return Fixtures.pipelineId();
    }

    @Override
    protected Pipeline newAggregate(PipelineId id) {
        Pipeline p = Fixtures.pipeline();
        return new Pipeline(id, p.name(), p.stages(), p.meta());
    }

    @Override
    protected Pipeline changed(Pipeline stored) {
        List<Stage> stages = new ArrayList<>(stored.stages());
        stages.add(1, Stage.open("STEP_" + stages.size(), "Discovery", 25));
        return new Pipeline(stored.id(), stored.name() + " (revised)", stages, stored.meta());
    }

    @Test
    @DisplayName("findAll lists every pipeline once, by id, including those just saved")
    void findAllById() {
        PipelineId low = Fixtures.pipelineId();
        PipelineId high = Fixtures.pipelineId();
        Pipeline b = store().pipelines().save(newAggregate(high));
        Pipeline a = store().pipelines().save(newAggregate(low));

        List<Pipeline> all = store().pipelines().findAll();

        assertThat(all).extracting(Pipeline::id).doesNotHaveDuplicates().isSorted();
        assertThat(all).containsSubsequence(a, b);
    }
}
