package io.crmkit.core.memory;

import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyId;
import io.crmkit.core.spi.SlaPolicyRepository;
import java.util.Comparator;
import java.util.List;

/** SLA policies: a handful of reference rows. */
final class MemorySlaPolicies extends MemoryTable<SlaPolicy, SlaPolicyId> implements SlaPolicyRepository {
    MemorySlaPolicies(InMemoryCrmStore store) {
        super(store, "SlaPolicy");
    }

    @Override
    void index(SlaPolicy row) {}

    @Override
    void unindex(SlaPolicy row) {}

    @Override
    public List<SlaPolicy> findAll() {
        return seen(() -> store.read(() -> rows.values().stream().sorted(Comparator.comparing(SlaPolicy::id)).toList()), p -> true);
    }
}
