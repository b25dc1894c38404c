package io.crmkit.micrometer;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.governance.Command;
import io.crmkit.core.governance.CommandInterceptor;

/**
 * Times every write that passes the governance pipeline, by operation code (a fixed set, from
 * {@code Operation}), aggregate type and outcome, and opens an {@link Observation} around it for
 * traces. Counts the alerts raised, by severity. Tags never carry an id, an actor or any input.
 *
 * <p>Thread-safe.
 */
final class MeteredCommands implements CommandInterceptor {
    private final MeterRegistry registry;
    private final ObservationRegistry observations;

    MeteredCommands(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations;
    }

    @Override
    @SuppressWarnings("try") // the scope is what makes the observation current for the write inside
    public <T> T intercept(Command command, Supplier<T> proceed) {
        Observation observation = Observation.createNotStarted(CrmMetrics.OPERATION_OBSERVATION, observations)
                .contextualName(command.operation())
                .lowCardinalityKeyValue("operation", command.operation())
                .lowCardinalityKeyValue("aggregate", command.aggregateType());
        observation.start();
        long start = registry.config().clock().monotonicTime();
        String outcome = Outcomes.SUCCESS;
        try (Observation.Scope scope = observation.openScope()) {
            T result = proceed.get();
            countAlert(command, result);
            return result;
        } catch (RuntimeException | Error e) {
            outcome = Outcomes.of(e);
            observation.error(e);
            throw e;
        } finally {
            long elapsed = registry.config().clock().monotonicTime() - start;
            Timer.builder(CrmMetrics.OPERATIONS).description("Writes through the CRMKit governance pipeline")
                    .tag("operation", command.operation()).tag("aggregate", command.aggregateType())
                    .tag("outcome", outcome).register(registry).record(elapsed, TimeUnit.NANOSECONDS);
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
        }
    }

    private void countAlert(Command command, Object result) {
        if (!(command.input() instanceof NewAlert)) {
            return;
        }
        Object raised = result instanceof Optional<?> optional ? optional.orElse(null) : result;
        if (raised instanceof Alert alert) {
            Counter.builder(CrmMetrics.ALERTS_RAISED).description("Alerts raised")
                    .tag("severity", alert.severity().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }

    @Override
    public String toString() {
        return "MeteredCommands";
    }
}
