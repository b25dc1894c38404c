package io.crmkit.core;

import io.crmkit.core.check.Check;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.AccessPolicy;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.internal.DefaultCrm;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRMKit entry point. Build one per application and share it:
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                      // in memory, system clock
 * CrmSession rm = crm.as(Actor.staff(StaffId.of("rm-017"), OrgUnitId.of("br-sh-01"), "RM"));
 * Customer c = rm.customers().register(NewCustomer.individual("Zhang Wei").build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface Crm {
    /** The CRM on behalf of {@code actor}. */
    CrmSession as(Actor actor);

    /** The store, for batch jobs and analytics that read through the SPI. */
    CrmStore store();

    Clock clock();

    /** The time zone that defines "today" for reminders and business dates. */
    ZoneId zone();

    static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link Crm}. Each setter checks its argument; not thread-safe. */
    final class Builder {
        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone;
        private IdGenerator ids = IdGenerator.ulid();
        private final List<CrmEventListener> listeners = new ArrayList<>();
        private final List<CommandInterceptor> interceptors = new ArrayList<>();
        private AccessPolicy accessPolicy = AccessPolicy.permitAll();
        private int maturityLookaheadDays = 7;

        private Builder() {}

        /** Where data lives; default: a new {@link InMemoryCrmStore}. */
        public Builder store(CrmStore value) { store = Check.notNull(value, "store"); return this; }

        /** The clock for every timestamp; default: the system UTC clock. */
        public Builder clock(Clock value) { clock = Check.notNull(value, "clock"); return this; }

        /** The business time zone; default: the clock's zone. */
        public Builder zone(ZoneId value) { zone = Check.notNull(value, "zone"); return this; }

        /** How new ids are made; default: ULIDs. */
        public Builder idGenerator(IdGenerator value) { ids = Check.notNull(value, "idGenerator"); return this; }

        /** Adds a listener for events published after each successful write. */
        public Builder listener(CrmEventListener value) { listeners.add(Check.notNull(value, "listener")); return this; }

        /** Adds an interceptor around every write, run in the order added. */
        public Builder interceptor(CommandInterceptor value) { interceptors.add(Check.notNull(value, "interceptor")); return this; }

        /** Who may see which customers; default: everyone sees everything. */
        public Builder accessPolicy(AccessPolicy value) { accessPolicy = Check.notNull(value, "accessPolicy"); return this; }

        /** How many days ahead maturities appear among reminders, 0 to 366; default 7. */
        public Builder maturityLookaheadDays(int value) {
            maturityLookaheadDays = Check.range(value, 0, 366, "maturityLookaheadDays");
            return this;
        }

        public Crm build() {
            CrmStore s = store != null ? store : InMemoryCrmStore.create();
            ZoneId z = zone != null ? zone : clock.getZone();
            return new DefaultCrm(s, clock, z, ids, listeners, interceptors, accessPolicy, maturityLookaheadDays);
        }
    }
}
