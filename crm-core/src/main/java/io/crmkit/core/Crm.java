package io.crmkit.core;

import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.check.Check;
import io.crmkit.core.governance.Permissions;
import org.jspecify.annotations.Nullable;
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
        private @Nullable Permissions permissions;
        private FourEyes fourEyes = FourEyes.none();
        private @Nullable Boolean audit;
        private byte @Nullable [] auditKey;
        private io.crmkit.core.consent.ContactRules contactRules = io.crmkit.core.consent.ContactRules.ofDefaults();

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

        /**
         * The permission model (roles × operations × depth, field masks). Once set, every read and
         * write path of every session is governed by it; default: none (everyone may do everything,
         * subject to the {@link #accessPolicy}).
         */
        public Builder permissions(Permissions value) { permissions = Check.notNull(value, "permissions"); return this; }

        /** Maker-checker rules; default none. Needs a store with an audit trail and pending requests. */
        public Builder fourEyes(FourEyes value) { fourEyes = Check.notNull(value, "fourEyes"); return this; }

        /**
         * Whether every mutation is recorded in the audit trail. Default: on when the store keeps
         * one (both built-in stores do), and required when permissions or four-eyes rules are set.
         */
        public Builder audit(boolean value) { audit = value; return this; }

        /** Chains the audit trail with HMAC-SHA-256 under this key (16 bytes or more) instead of plain SHA-256. */
        public Builder auditKey(byte[] value) {
            Check.notNull(value, "auditKey");
            Check.that(value.length >= 16, "auditKey", "Size", "must be at least 16 bytes");
            auditKey = value.clone();
            return this;
        }

        /**
         * The firm's contact rules (frequency caps, quiet hours, exemptions, the zone of customers
         * without one) that every contact decision applies; default {@link io.crmkit.core.consent.ContactRules#ofDefaults()}.
         */
        public Builder contactRules(io.crmkit.core.consent.ContactRules value) {
            contactRules = Check.notNull(value, "contactRules");
            return this;
        }

        /** How many days ahead maturities appear among reminders, 0 to 366; default 7. */
        public Builder maturityLookaheadDays(int value) {
            maturityLookaheadDays = Check.range(value, 0, 366, "maturityLookaheadDays");
            return this;
        }

        public Crm build() {
            CrmStore s = store != null ? store : InMemoryCrmStore.create();
            ZoneId z = zone != null ? zone : clock.getZone();
            boolean required = permissions != null || !fourEyes.rules().isEmpty() || Boolean.TRUE.equals(audit);
            boolean supported = keepsAudit(s);
            if (required && !supported) {
                throw io.crmkit.core.error.ValidationException.of("store", "KeepsAudit",
                        "permissions, four-eyes rules and auditing need a store that implements audit() and approvals()");
            }
            boolean on = supported && !Boolean.FALSE.equals(audit);
            if (!on && (permissions != null || !fourEyes.rules().isEmpty())) {
                throw io.crmkit.core.error.ValidationException.of("audit", "Required",
                        "cannot be switched off while permissions or four-eyes rules are set");
            }
            AuditTrail trail = !on ? null : auditKey == null ? AuditTrail.unkeyed() : AuditTrail.keyed(auditKey);
            return new DefaultCrm(s, clock, z, ids, listeners, interceptors, accessPolicy, maturityLookaheadDays, permissions,
                    fourEyes, trail, contactRules);
        }

        private static boolean keepsAudit(CrmStore s) {
            try {
                s.audit();
                s.approvals();
                return true;
            } catch (io.crmkit.core.error.StoreException e) {
                return false;
            }
        }
    }
}
