package io.crmkit.core.memory;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.tier.TierDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tier definitions and the append-only history. */
final class MemoryTiers implements TierRepository {
    private final InMemoryCrmStore store;
    private final Map<TierCode, TierDefinition> definitions = new HashMap<>();
    private final Map<CustomerId, List<TierAssignment>> history = new HashMap<>();

    MemoryTiers(InMemoryCrmStore store) {
        this.store = store;
    }

    @Override
    public List<TierDefinition> definitions() {
        return store.read(() -> definitions.values().stream()
                .sorted(Comparator.comparingInt(TierDefinition::rank).thenComparing(TierDefinition::code)).toList());
    }

    @Override
    public void saveDefinition(TierDefinition definition) {
        Check.notNull(definition, "definition");
        store.write(() -> {
            TierDefinition previous = definitions.put(definition.code(), definition);
            return () -> {
                if (previous == null) {
                    definitions.remove(definition.code());
                } else {
                    definitions.put(definition.code(), previous);
                }
            };
        });
    }

    @Override
    public void append(TierAssignment assignment) {
        Check.notNull(assignment, "assignment");
        store.write(() -> {
            List<TierAssignment> list = history.computeIfAbsent(assignment.customerId(), c -> new ArrayList<>());
            list.add(assignment);
            return () -> list.remove(list.size() - 1);
        });
    }

    @Override
    public int replaceReasons(CustomerId customerId, String replacement) {
        Check.notNull(customerId, "customerId");
        Check.notBlank(replacement, "replacement", Check.MAX_SHORT);
        int[] changed = {store.read(() -> (int) history.getOrDefault(customerId, List.of()).stream()
                .filter(a -> !a.reason().equals(replacement)).count())};
        store.write(() -> {
            List<TierAssignment> list = history.get(customerId);
            if (list == null) {
                return () -> {};
            }
            List<TierAssignment> before = List.copyOf(list);
            list.replaceAll(a -> new TierAssignment(a.customerId(), a.tier(), a.previous(), a.effectiveFrom(), a.source(),
                    replacement, a.assignedBy(), a.expiresAt()));
            return () -> {
                list.clear();
                list.addAll(before);
            };
        });
        return changed[0];
    }

    @Override
    public List<TierAssignment> history(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return store.read(() -> {
            List<TierAssignment> list = history.get(customerId);
            if (list == null) {
                return List.of();
            }
            // Newest first: by effectiveFrom descending, later appends first among equal times.
            List<TierAssignment> copy = new ArrayList<>(list.size());
            for (int i = list.size() - 1; i >= 0; i--) {
                copy.add(list.get(i));
            }
            copy.sort(Comparator.comparing(TierAssignment::effectiveFrom).reversed());
            return List.copyOf(copy);
        });
    }

    @Override
    public void moveHistory(CustomerId from, CustomerId to, List<TierAssignment> entries) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        List<TierAssignment> moving = List.copyOf(Check.list(entries, "entries"));
        store.write(() -> {
            List<TierAssignment> src = history.get(from);
            if (src == null || moving.isEmpty()) {
                return () -> { };
            }
            List<TierAssignment> srcBefore = new ArrayList<>(src);
            List<TierAssignment> dst = history.computeIfAbsent(to, c -> new ArrayList<>());
            List<TierAssignment> dstBefore = new ArrayList<>(dst);
            for (TierAssignment e : moving) {
                if (src.remove(e)) {
                    dst.add(new TierAssignment(to, e.tier(), e.previous(), e.effectiveFrom(), e.source(), e.reason(),
                            e.assignedBy(), e.expiresAt()));
                }
            }
            return () -> {
                src.clear();
                src.addAll(srcBefore);
                dst.clear();
                dst.addAll(dstBefore);
            };
        });
    }
}
