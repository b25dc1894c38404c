package io.crmkit.core.internal;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.IdGenerator;
import io.crmkit.core.check.Check;
import io.crmkit.core.event.CrmEventListener;
import io.crmkit.core.governance.AccessPolicy;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.governance.Permissions;
import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The {@link Crm} built by {@link Crm#builder()}. Thread-safe. */
public final class DefaultCrm implements Crm {
    private final Engine engine;

    public DefaultCrm(CrmStore store, Clock clock, ZoneId zone, IdGenerator ids, List<CrmEventListener> listeners,
            List<CommandInterceptor> interceptors, AccessPolicy accessPolicy, int maturityLookaheadDays,
            @Nullable Permissions permissions, FourEyes fourEyes, @Nullable AuditTrail trail) {
        this(store, clock, zone, ids, listeners, interceptors, accessPolicy, maturityLookaheadDays, permissions, fourEyes,
                trail, io.crmkit.core.consent.ContactRules.ofDefaults());
    }

    /** As above, with the firm's contact rules. */
    public DefaultCrm(CrmStore store, Clock clock, ZoneId zone, IdGenerator ids, List<CrmEventListener> listeners,
            List<CommandInterceptor> interceptors, AccessPolicy accessPolicy, int maturityLookaheadDays,
            @Nullable Permissions permissions, FourEyes fourEyes, @Nullable AuditTrail trail,
            io.crmkit.core.consent.ContactRules contactRules) {
        this.engine = new Engine(store, clock, zone, ids, listeners, interceptors, accessPolicy, maturityLookaheadDays,
                permissions, fourEyes, trail, Check.notNull(contactRules, "contactRules"));
    }

    @Override
    public CrmSession as(Actor actor) {
        return new Session(engine, Check.notNull(actor, "actor"));
    }

    @Override
    public CrmStore store() {
        return engine.raw;
    }

    @Override
    public Clock clock() {
        return engine.clock;
    }

    @Override
    public ZoneId zone() {
        return engine.zone;
    }

    @Override
    public String toString() {
        return "Crm[store=" + engine.store.getClass().getSimpleName() + ", zone=" + engine.zone + "]";
    }
}
