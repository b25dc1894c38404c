package io.crmkit.micrometer;

import io.crmkit.analytics.ProgressListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The nightly job's stage timers: a {@link ProgressListener} (crm-analytics) that times each stage
 * from its first progress report to the one that says it is done ({@value #STAGES}, tag
 * {@code stage}) and counts the rows each stage went through ({@value #ROWS}, tag {@code stage}),
 * then passes every report on. Stage names are the job's own (rfm, value, churn, tiers): few and
 * fixed, never a customer id.
 *
 * <pre>{@code
 * NightlyJob.ofDefaults().run(frame, state, overrides, MeteredNightlyProgress.of(registry, ProgressListener.none()));
 * }</pre>
 *
 * <p>Thread-safe: reports from the job's worker threads are serialised. Needs crm-analytics on the
 * class path (an optional dependency of this module).
 */
public final class MeteredNightlyProgress implements ProgressListener {
    /** Timer of one stage of a nightly run. */
    public static final String STAGES = "crmkit.nightly.stage";
    /** Counter of the rows a stage processed. */
    public static final String ROWS = "crmkit.nightly.rows";

    private final MeterRegistry registry;
    private final ProgressListener next;
    private final Map<String, Long> startedAt = new HashMap<>();

    private MeteredNightlyProgress(MeterRegistry registry, ProgressListener next) {
        this.registry = registry;
        this.next = next;
    }

    /** Meters the job's stages into {@code registry}, passing every report on to {@code next}. */
    public static MeteredNightlyProgress of(MeterRegistry registry, ProgressListener next) {
        if (registry == null || next == null) {
            throw new IllegalArgumentException("registry and next are required");
        }
        return new MeteredNightlyProgress(registry, next);
    }

    @Override
    public void onProgress(String stage, long done, long total) {
        synchronized (this) {
            long now = registry.config().clock().monotonicTime();
            Long start = startedAt.putIfAbsent(stage, now);
            if (done >= total) {
                Timer.builder(STAGES).tag("stage", stage).description("one stage of a nightly analytics run")
                        .register(registry).record(now - (start == null ? now : start), TimeUnit.NANOSECONDS);
                Counter.builder(ROWS).tag("stage", stage).description("rows a nightly stage processed")
                        .register(registry).increment(Math.max(0, total));
                startedAt.remove(stage);
            }
        }
        next.onProgress(stage, done, total);
    }

    @Override
    public String toString() {
        return "MeteredNightlyProgress[" + next + "]";
    }
}
