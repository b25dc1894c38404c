package io.crmkit.examples;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.JpaCrmStore;

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
            case "h2" -> {
                // The same walk-through on a real database through crm-jpa: Flyway creates the schema.
                JpaCrmStore store = JpaCrmStore.inMemoryH2("crmkit_example_" + Long.toUnsignedString(System.nanoTime(), 36));
                yield new Opened(store, store);
            }
            default -> throw new IllegalArgumentException("unknown store '" + kind + "': use memory or h2");
        };
    }
}
