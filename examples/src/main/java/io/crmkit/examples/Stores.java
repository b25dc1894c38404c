package io.crmkit.examples;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;

/** Picks the store the examples run on: {@code memory} (the default) or {@code h2} through crm-jpa. */
final class Stores {
    private Stores() {}

    /** A store and whatever must be closed with it. */
    record Opened(CrmStore store, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the store", e);
            }
        }
    }

    static Opened open(String kind) {
        return switch (kind) {
            case "memory" -> new Opened(InMemoryCrmStore.create(), () -> { });
            default -> throw new IllegalArgumentException("unknown store '" + kind + "': use memory or h2");
        };
    }
}
