package io.crmkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.quality.imports.ImportCounts;
import io.crmkit.quality.imports.ImportProgress;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Meters of the nightly job's stages and of import rows")
class JobMetersTest {
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    @DisplayName("each nightly stage is timed from its first report to its last, its rows counted, and every report passed on")
    void nightlyStagesAreTimed() {
        List<String> passed = new ArrayList<>();
        ProgressListener metered = MeteredNightlyProgress.of(registry, (stage, done, total) -> passed.add(stage + ":" + done));
        metered.onProgress("rfm", 0, 1_000);
        clock.add(Duration.ofMillis(120));
        metered.onProgress("rfm", 500, 1_000);
        clock.add(Duration.ofMillis(80));
        metered.onProgress("rfm", 1_000, 1_000);
        metered.onProgress("tiers", 0, 1_000);
        clock.add(Duration.ofMillis(30));
        metered.onProgress("tiers", 1_000, 1_000);

        assertThat(registry.get(MeteredNightlyProgress.STAGES).tag("stage", "rfm").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(200.0);
        assertThat(registry.get(MeteredNightlyProgress.STAGES).tag("stage", "tiers").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30.0);
        assertThat(registry.get(MeteredNightlyProgress.ROWS).tag("stage", "rfm").counter().count()).isEqualTo(1_000.0);
        assertThat(registry.get(MeteredNightlyProgress.STAGES).tag("stage", "rfm").timer().count()).isEqualTo(1);
        assertThat(passed).containsExactly("rfm:0", "rfm:500", "rfm:1000", "tiers:0", "tiers:1000");
    }

    @Test
    @DisplayName("import rows are counted by outcome from the growth between progress reports")
    void importRowsByOutcome() {
        List<Long> passed = new ArrayList<>();
        MeteredImports metered = MeteredImports.of(registry, p -> passed.add(p.read()));
        metered.onProgress(new ImportProgress(new ImportCounts(500, 300, 100, 50, 30, 20), 1_000, 0.5, Duration.ofSeconds(1)));
        metered.onProgress(new ImportProgress(new ImportCounts(1_000, 700, 150, 80, 40, 30), 1_000, 1.0, Duration.ZERO));

        assertThat(registry.get(MeteredImports.ROWS).tag("outcome", "inserted").counter().count()).isEqualTo(700.0);
        assertThat(registry.get(MeteredImports.ROWS).tag("outcome", "updated").counter().count()).isEqualTo(150.0);
        assertThat(registry.get(MeteredImports.ROWS).tag("outcome", "unchanged").counter().count()).isEqualTo(80.0);
        assertThat(registry.get(MeteredImports.ROWS).tag("outcome", "skipped").counter().count()).isEqualTo(40.0);
        assertThat(registry.get(MeteredImports.ROWS).tag("outcome", "rejected").counter().count()).isEqualTo(30.0);
        assertThat(passed).containsExactly(500L, 1_000L);
    }
}
