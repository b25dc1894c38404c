package io.crmkit.micrometer;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.event.CrmEventListener;

/**
 * Counts committed events: {@code crmkit.events} by event type, {@code crmkit.approvals.submitted}
 * by operation code and {@code crmkit.approvals.decided} by status. Only types, codes and statuses
 * become tags; never an id.
 *
 * <p>Thread-safe.
 */
final class MeteredEvents implements CrmEventListener {
    private final MeterRegistry registry;

    MeteredEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void on(CrmEvent event) {
        Counter.builder(CrmMetrics.EVENTS).description("Committed CRMKit events")
                .tag("type", event.getClass().getSimpleName()).register(registry).increment();
        if (event instanceof CrmEvent.ApprovalSubmitted submitted) {
            Counter.builder(CrmMetrics.APPROVALS_SUBMITTED).description("Changes parked for approval")
                    .tag("operation", submitted.operation()).register(registry).increment();
        } else if (event instanceof CrmEvent.ApprovalDecided decided) {
            Counter.builder(CrmMetrics.APPROVALS_DECIDED).description("Pending requests approved, rejected or expired")
                    .tag("status", decided.status().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
    }

    @Override
    public String toString() {
        return "MeteredEvents";
    }
}
