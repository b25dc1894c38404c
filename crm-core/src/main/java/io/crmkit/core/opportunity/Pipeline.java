package io.crmkit.core.opportunity;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sales pipeline (商机): ordered stages as reference data, never a hard-coded enum. Open stages
 * come in order; at least one open, one won and one lost stage; codes unique.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the pipeline id
 * @param name display name
 * @param stages stages in order, 3 to 30
 * @param meta version and bookkeeping
 */
public record Pipeline(PipelineId id, String name, List<Stage> stages, Meta meta) implements Aggregate<PipelineId, Pipeline> {
    public Pipeline {
        Check.notNull(id, "id");
        name = Check.notBlank(name, "name", Check.MAX_SHORT);
        stages = Check.list(stages, "stages");
        Check.that(stages.size() >= 3 && stages.size() <= 30, "stages", "Size", "must have 3 to 30 stages");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Check.that(codes.add(stages.get(i).code()), "stages[" + i + "].code", "Unique", "stage codes must be unique");
        }
        Check.that(stages.stream().anyMatch(s -> s.outcome() == StageOutcome.OPEN), "stages", "HasOpen",
                "must have at least one open stage");
        Check.that(stages.stream().anyMatch(s -> s.outcome() == StageOutcome.WON), "stages", "HasWon",
                "must have at least one won stage");
        Check.that(stages.stream().anyMatch(s -> s.outcome() == StageOutcome.LOST), "stages", "HasLost",
                "must have at least one lost stage");
        Check.notNull(meta, "meta");
    }

    public Optional<Stage> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The position of the stage in the pipeline, or -1. */
    public int indexOf(String code) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The first open stage: where new opportunities start. */
    public Stage firstStage() {
        return stages.stream().filter(s -> s.outcome() == StageOutcome.OPEN).findFirst().orElseThrow();
    }

    @Override
    public Pipeline withMeta(Meta value) {
        return new Pipeline(id, name, stages, value);
    }
}
