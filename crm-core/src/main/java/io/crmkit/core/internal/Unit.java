package io.crmkit.core.internal;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.event.CrmEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outermost unit of work on one thread: the events to publish after commit, the correlation
 * id its audit entries share, and the head of every audit chain it has extended (a store's
 * queries may show committed data only, so the unit remembers its own appends).
 */
final class Unit {
    final List<CrmEvent> events = new ArrayList<>();
    final Map<String, AuditEntry> heads = new HashMap<>();
    /** Every entry the unit appended, in order: erasure redacts those of its customer before they are committed. */
    final List<AuditEntry> appended = new ArrayList<>();
    final String correlationId;
    /** Whether the unit wrote an org unit or staff member (the shared org chart is stale when it ends). */
    boolean orgChanged;
    /**
     * Ids the engine made for new aggregates inside this unit. The {@code IdGenerator} contract is
     * a new id each time, so no audit chain can exist under one yet: its first entry needs no
     * lookup of the chain's head (one query per new record on a database, the bulk of an import).
     */
    final java.util.Set<String> freshIds = new java.util.HashSet<>();

    Unit(String correlationId) {
        this.correlationId = correlationId;
    }
}
