package io.crmkit.spring.boot.autoconfigure;

import java.util.Map;

import io.crmkit.core.Crm;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.CrmStore;

/**
 * What the health indicator reports, independent of the Spring Boot line: one read of the store
 * in a transaction of its own (a lookup of an org unit id that never exists, so no data is read).
 * Up when it answers; down with the failure's type only, never its message, which from a
 * database may quote stored values.
 *
 * <p>Thread-safe.
 */
public final class CrmHealth {
    /** The org unit id the probe looks up. */
    static final OrgUnitId PROBE = OrgUnitId.of("crmkit-health-probe");

    private final Crm crm;
    private final String storeKind;

    /**
     * @param storeKind what the {@code store} detail says, for example {@code JpaCrmStore} (the
     *     store the {@code Crm} sees may be wrapped in a cache or meters)
     */
    public CrmHealth(Crm crm, String storeKind) {
        this.crm = crm;
        this.storeKind = storeKind;
    }

    /** The outcome of one probe. */
    public record Outcome(boolean up, Map<String, Object> details) {
        public Outcome {
            details = Map.copyOf(details);
        }
    }

    public Outcome check() {
        CrmStore store = crm.store();
        String kind = storeKind;
        try {
            store.inTransaction(() -> store.orgUnits().findById(PROBE));
            return new Outcome(true, Map.of("store", kind));
        } catch (RuntimeException e) {
            return new Outcome(false, Map.of("store", kind, "error", e.getClass().getName()));
        }
    }
}
