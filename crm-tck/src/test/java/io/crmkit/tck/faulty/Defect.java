package io.crmkit.tck.faulty;

import io.crmkit.core.spi.CrmStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * One realistic store defect of the catalogue: its name, what goes wrong, the kit groups (simple
 * names of the kit's nested classes) expected to catch it, and how to build a store that has it.
 *
 * @param name a short kebab-case name
 * @param what the defect in one sentence, as a store author would make it
 * @param groups the kit groups that must report at least one failure
 * @param store builds a fresh store with the defect
 */
public record Defect(String name, String what, List<String> groups, Supplier<CrmStore> store) {
    static Defect of(String name, String what, String groups, Supplier<CrmStore> store) {
        return new Defect(name, what, List.of(groups.split(",\\s*")), store);
    }

    @Override
    public String toString() {
        return name;
    }
}
