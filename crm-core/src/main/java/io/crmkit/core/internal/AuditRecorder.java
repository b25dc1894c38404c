package io.crmkit.core.internal;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.spi.CrmStore;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns one store mutation into one audit entry, in the same transaction: the per-field diff, the
 * writer's context, and the next link of the aggregate's hash chain. Thread-safe.
 */
final class AuditRecorder {
    private static final Map<Class<?>, Optional<Method>> CUSTOMER_ACCESSORS = new ConcurrentHashMap<>();

    private final Engine engine;
    private final CrmStore raw;
    private final AuditTrail trail;

    AuditRecorder(Engine engine, CrmStore raw, AuditTrail trail) {
        this.engine = engine;
        this.raw = raw;
        this.trail = trail;
    }

    AuditTrail trail() {
        return trail;
    }

    /** The head of one chain as the running unit sees it (its own appends first). */
    java.util.Optional<AuditEntry> head(String type, String id) {
        Unit unit = engine.currentUnit();
        AuditEntry own = unit == null ? null : unit.heads.get(type + '\u0001' + id);
        return own != null ? java.util.Optional.of(own) : raw.audit().last(type, id);
    }

    /**
     * Reads the heads of the given chains in one batch into the running unit, so that the records
     * the unit writes next on them ask the store no more (a batch write's chunk). Chains the unit
     * already wrote to keep their own head; outside a unit this does nothing.
     */
    void preloadHeads(String type, java.util.Collection<String> ids) {
        Unit unit = engine.currentUnit();
        if (unit == null || ids.isEmpty()) {
            return;
        }
        raw.audit().lastOf(type, ids).forEach((id, head) -> unit.heads.putIfAbsent(type + '\u0001' + id, head));
    }

    /** The entries the running unit appended so far (not yet committed). */
    List<AuditEntry> appendedInUnit() {
        Unit unit = engine.currentUnit();
        return unit == null ? List.of() : List.copyOf(unit.appended);
    }

    /** Records {@code action} on the aggregate {@code type}/{@code id}, from {@code before} to {@code after}. */
    void record(String type, String id, String action, @Nullable Object before, @Nullable Object after,
            @Nullable CustomerId customer) {
        List<FieldChange> changes = AuditDiff.diff(before, after);
        WriteContext ctx = engine.currentWrite();
        Unit unit = engine.currentUnit();
        String chainKey = type + '\u0001' + id;
        AuditEntry own = unit != null ? unit.heads.get(chainKey) : null;
        Head head = own == null ? null : Head.of(own);
        Head hint = null;
        // a record the engine just made an id for has no chain yet (see Unit.freshIds)
        if (head == null && !(before == null && unit != null && unit.freshIds.contains(id))) {
            hint = hints.get(chainKey);
            head = hint != null ? hint : raw.audit().last(type, id).map(Head::of).orElse(null);
        }
        Draft draft = new Draft(nextId(), type, id, action, changes, customer != null ? customer : customerOf(after != null ? after : before),
                ctx, unit != null ? unit.correlationId : engine.newId("Correlation"), engine.now(), AuditTrail.newSalt());
        AuditEntry entry = draft.entry(head);
        if (hint == null) {
            raw.audit().append(entry);
        } else if (!raw.audit().appendAfter(entry, hint.id())) {
            // another writer extended the chain since, or the remembered entry was rolled back
            entry = draft.entry(raw.audit().last(type, id).map(Head::of).orElse(null));
            raw.audit().append(entry);
        }
        remember(chainKey, entry);
        if (unit != null) {
            unit.heads.put(chainKey, entry);
            unit.appended.add(entry);
        }
    }

    /** Most chains whose head is remembered; beyond it the memory starts afresh (a bulk job touches each chain once). */
    private static final int MAX_HINTS = 100_000;

    /**
     * The newest entry this recorder appended to each chain, committed or not: a hint that spares
     * the read of the chain's head before the next append. It is never trusted:
     * {@link io.crmkit.core.spi.AuditRepository#appendAfter} appends only if the chain still ends
     * there, so a hint made stale by another process or a rollback costs a read, never a broken chain.
     */
    private final Map<String, Head> hints = new ConcurrentHashMap<>();

    private void remember(String chainKey, AuditEntry entry) {
        if (hints.size() >= MAX_HINTS) {
            hints.clear();
        }
        hints.put(chainKey, Head.of(entry));
    }

    /** What the next entry of a chain links to. */
    private record Head(String id, long seq, String hash) {
        static Head of(AuditEntry e) {
            return new Head(e.id(), e.seq(), e.hash());
        }
    }

    /** An entry's content before it is linked into its chain: linked (numbered and hashed) by {@link #entry}. */
    private final class Draft {
        private final String entryId;
        private final String type;
        private final String id;
        private final String action;
        private final List<FieldChange> changes;
        private final @Nullable CustomerId about;
        private final @Nullable WriteContext ctx;
        private final String correlation;
        private final java.time.Instant at;
        private final String salt;

        Draft(String entryId, String type, String id, String action, List<FieldChange> changes, @Nullable CustomerId about,
                @Nullable WriteContext ctx, String correlation, java.time.Instant at, String salt) {
            this.entryId = entryId;
            this.type = type;
            this.id = id;
            this.action = action;
            this.changes = changes;
            this.about = about;
            this.ctx = ctx;
            this.correlation = correlation;
            this.at = at;
            this.salt = salt;
        }

        AuditEntry entry(@Nullable Head head) {
            String actor = ctx == null ? "crm-store" : ctx.actor().id();
            AuditEntry draft = new AuditEntry(entryId, type, id, head == null ? 1 : head.seq() + 1, about, at, actor,
                    ctx == null ? null : ctx.actor().onBehalfOf(), ctx == null ? "store.write" : ctx.operation(), action, changes,
                    ctx == null ? null : ctx.reason(), correlation, ctx == null ? null : ctx.maker(),
                    ctx == null ? null : ctx.checker(), head == null ? "" : head.hash(), "-", salt, null);
            AuditEntry entry = draft.withHash(trail.hash(draft));
            boolean erasing = ctx != null && io.crmkit.core.governance.Operation.CUSTOMER_ERASE.code().equals(ctx.operation());
            // The erasure's own diff holds the values it removes: it is stored redacted from the start.
            return erasing ? entry.redacted(Erasures::keepsValue) : entry;
        }
    }

    /**
     * Entry ids that sort in append order even when the clock stands still (a fixed test clock, many
     * writes in one microsecond): 16 hex digits of a per-JVM counter that never falls behind the
     * clock's microseconds, then random characters so that several JVMs on one database never clash.
     */
    private String nextId() {
        long micros = java.util.concurrent.TimeUnit.SECONDS.toMicros(engine.now().getEpochSecond()) + engine.now().getNano() / 1_000;
        long n = SEQUENCE.updateAndGet(last -> Math.max(last + 1, micros));
        String random = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String hex = Long.toHexString(n);
        return "0".repeat(16 - hex.length()) + hex + "-" + random;
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /** The customer a record is about: itself, its {@code customerId()}, or a relationship's {@code from}. */
    static @Nullable CustomerId customerOf(@Nullable Object record) {
        if (record == null) {
            return null;
        }
        if (record instanceof Customer c) {
            return c.id();
        }
        if (record instanceof Relationship r) {
            return r.from();
        }
        Optional<Method> accessor = CUSTOMER_ACCESSORS.computeIfAbsent(record.getClass(), k -> {
            try {
                Method m = k.getMethod("customerId");
                return m.getReturnType() == CustomerId.class ? Optional.of(m) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            return (CustomerId) accessor.get().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
