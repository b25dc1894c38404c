package io.crmkit.core.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets and moves: the only source of time of the Crm under test. */
final class ScriptedClock extends Clock {
    private final AtomicReference<Instant> now;

    ScriptedClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    void set(Instant at) {
        now.set(at);
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
