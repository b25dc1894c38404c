package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The signal engine's entry points refuse bad input with the library's errors and change nothing")
class SignalBadInputTest {
    private static final CustomerId C = CustomerId.of("c-1");
    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private static void refused(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolationOn(field)).as(e.getMessage()).isTrue());
    }

    @Test
    @DisplayName("events: null, malformed ids, absurd times, NaN, infinite, huge and negative amounts")
    void events() {
        refused("eventId", () -> HostEvent.trade(null, C, null, T, 1));
        refused("eventId", () -> HostEvent.trade("", C, null, T, 1));
        refused("eventId", () -> HostEvent.trade("=cmd|' /C calc'!A0", C, null, T, 1));
        refused("eventId", () -> HostEvent.trade("x".repeat(65), C, null, T, 1));
        refused("customerId", () -> HostEvent.trade("e1", null, null, T, 1));
        refused("at", () -> HostEvent.trade("e1", C, null, null, 1));
        refused("at", () -> HostEvent.trade("e1", C, null, Instant.parse("1969-12-31T23:59:59Z"), 1));
        refused("at", () -> HostEvent.trade("e1", C, null, Instant.MAX, 1));
        refused("value", () -> HostEvent.trade("e1", C, null, T, Double.NaN));
        refused("value", () -> HostEvent.trade("e1", C, null, T, Double.POSITIVE_INFINITY));
        refused("value", () -> HostEvent.trade("e1", C, null, T, 1e16));
        refused("value", () -> HostEvent.withdrawal("e1", C, null, T, -5));
        refused("accountId", () -> HostEvent.balanceSnapshot("e1", C, null, T, 5));
        refused("kind", () -> EventKind.of("DROP TABLE"));
        assertThat(HostEvent.positionChange("e1", C, null, T, -5).value()).isEqualTo(-5);
    }

    @Test
    @DisplayName("the engine: no rules, duplicate rule ids, null events and out-of-range settings")
    void engine() {
        refused("rules", () -> SignalEngine.builder(d -> { }).build());
        Rule r = Rule.parse("r", "login.count(1h) >= 2");
        refused("rules", () -> SignalEngine.builder(d -> { }).rule(r).rule(r).build());
        refused("queueCapacity", () -> SignalEngine.builder(d -> { }).queueCapacity(0));
        refused("batchSize", () -> SignalEngine.builder(d -> { }).batchSize(10_001));
        refused("maxCustomers", () -> SignalEngine.builder(d -> { }).maxCustomers(0));
        try (SignalEngine engine = SignalEngine.builder(d -> { }).rule(r).build()) {
            refused("event", () -> engine.publish(null));
            refused("assets", () -> engine.seedAssets(C, Double.NaN));
            refused("assets", () -> engine.seedAssets(C, -1));
            refused("crm", () -> engine.seedAssetsFromStore(C, java.time.LocalDate.of(2026, 1, 1)));
            assertThat(engine.stats().customers()).isZero();
        }
    }

    @Test
    @DisplayName("one customer beyond maxCustomers is OVER_CAPACITY, known customers go on")
    void capacity() {
        try (SignalEngine engine = SignalEngine.builder(d -> { }).rule(Rule.parse("r", "login.count(1h) >= 2"))
                .maxCustomers(1).build()) {
            assertThat(engine.publish(HostEvent.login("a", C, T))).isEqualTo(Published.ACCEPTED);
            assertThat(engine.publish(HostEvent.login("b", CustomerId.of("c-2"), T))).isEqualTo(Published.OVER_CAPACITY);
            assertThat(engine.publish(HostEvent.login("c", C, T.plusSeconds(1)))).isEqualTo(Published.ACCEPTED);
        }
    }

    @ParameterizedTest(name = "cut at {0} bytes")
    @ValueSource(ints = {0, 3, 12, 20, 30, 45, 60})
    @DisplayName("a truncated or garbled checkpoint is refused with a ValidationException on 'checkpoint'")
    void damagedCheckpoint(int cut) {
        Rule r = Rule.parse("r", "login.count(1h) >= 2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SignalEngine engine = SignalEngine.builder(d -> { }).rule(r).build()) {
            engine.publish(HostEvent.login("a", C, T));
            engine.checkpoint(out);
        }
        byte[] bytes = out.toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1));
        refused("checkpoint", () -> SignalEngine.builder(d -> { }).rule(r).restore(new ByteArrayInputStream(truncated)).build());
        byte[] garbled = bytes.clone();
        for (int i = 20; i < garbled.length; i++) {
            garbled[i] = (byte) 0xff;
        }
        refused("checkpoint", () -> SignalEngine.builder(d -> { }).rule(r).restore(new ByteArrayInputStream(garbled)).build());
    }
}
