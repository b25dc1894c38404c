package io.crmkit.core.casework;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;

/**
 * A stored SLA policy: its definition and bookkeeping. A case keeps a copy of the definition it
 * runs under, so redefining a policy changes the cases opened (or re-applied with
 * {@code CaseService.applyPolicy}) afterwards; re-applying keeps each timer's elapsed time by name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition what the policy says
 * @param meta version and bookkeeping
 */
public record SlaPolicy(SlaPolicyDefinition definition, Meta meta) implements Aggregate<SlaPolicyId, SlaPolicy> {
    public SlaPolicy {
        Check.notNull(definition, "definition");
        Check.notNull(meta, "meta");
    }

    @Override
    public SlaPolicyId id() {
        return definition.id();
    }

    @Override
    public SlaPolicy withMeta(Meta value) {
        return new SlaPolicy(definition, value);
    }
}
