package io.crmkit.core.internal;

import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The org tree and the staff of each unit as the engine last read them, shared by every session:
 * resolving a data scope (a branch manager's subtree and its staff) then costs no round trip after
 * the first session. Any org write through the engine marks the chart stale twice — when it is made
 * and when its unit of work ends (committed or rolled back) — so no session reads a chart older than
 * the last org change it could see; every session compares its resolved scopes with the chart's
 * generation and resolves again after a change. Writes made behind the engine's back (another
 * process on the same database) are seen within {@link #MAX_AGE_NANOS}. Thread-safe.
 */
final class OrgChart {
    /** How long a chart read from the store is trusted without an org write through this engine. */
    static final long MAX_AGE_NANOS = 60_000_000_000L;

    private final CrmStore store;
    private final LongSupplier nanoClock;
    /** False on a thread whose unit of work has changed the org and not ended: what it reads is its own. */
    private final java.util.function.BooleanSupplier shareable;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    /** One reading of the chart; the staff of a unit is read when first asked for. */
    private record Snapshot(long generation, long readAt, List<OrgUnit> units, Map<OrgUnitId, List<StaffId>> staff) {}

    OrgChart(CrmStore store, LongSupplier nanoClock, java.util.function.BooleanSupplier shareable) {
        this.store = store;
        this.nanoClock = nanoClock;
        this.shareable = shareable;
    }

    /** Changes with every org write (and every expiry): a scope resolved under another generation is stale. */
    long generation() {
        Snapshot s = snapshot;
        if (s != null && nanoClock.getAsLong() - s.readAt() >= MAX_AGE_NANOS) {
            expire(s);
        }
        return generation.get();
    }

    /** Every unit, as {@code orgUnits().findAll()} answered. */
    List<OrgUnit> units() {
        return current().units();
    }

    /** The ids of the staff of one unit, as {@code staff().findByUnit} answered. */
    List<StaffId> staffOf(OrgUnitId unit) {
        Snapshot s = current();
        List<StaffId> ids = s.staff().get(unit);
        if (ids == null) {
            ids = store.staff().findByUnit(unit).stream().map(Staff::id).toList();
            if (generation.get() == s.generation() && shareable.getAsBoolean()) { // not when an org write raced the read
                s.staff().putIfAbsent(unit, ids);
            }
        }
        return ids;
    }

    /** Marks the chart stale: the next reader reads the store again. */
    void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = nanoClock.getAsLong();
        if (!shareable.getAsBoolean()) {
            // uncommitted org writes of this thread: read them, never hand them to other sessions
            return new Snapshot(generation.get(), now, List.copyOf(store.orgUnits().findAll()), new ConcurrentHashMap<>());
        }
        if (s != null && s.generation() == generation.get() && now - s.readAt() < MAX_AGE_NANOS) {
            return s;
        }
        if (s != null) {
            expire(s);
        }
        long gen = generation.get();
        Snapshot fresh = new Snapshot(gen, now, List.copyOf(store.orgUnits().findAll()), new ConcurrentHashMap<>());
        if (generation.get() == gen) { // not when an org write raced the read
            snapshot = fresh;
        }
        return fresh;
    }

    /** An expired chart: sessions resolve their scopes again. */
    private void expire(Snapshot s) {
        if (generation.compareAndSet(s.generation(), s.generation() + 1)) {
            snapshot = null;
        }
    }
}
