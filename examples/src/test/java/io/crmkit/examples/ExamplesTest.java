package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Customer360;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The examples run and show what the README says they show")
class ExamplesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("the quickstart's main runs on the embedded default")
    void quickstartMain() {
        Quickstart.main(new String[0]);
    }

    @Test
    @DisplayName("the quickstart builds a 360 view with the tier, snapshot, de-duplicated timeline, opportunity and task")
    void quickstartView() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Customer360 view = Quickstart.run(InMemoryCrmStore.create(), CLOCK, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(view.interactionCount()).isEqualTo(2);
        assertThat(view.tier().name()).isEqualTo("Gold");
        assertThat(view.openOpportunities()).singleElement().satisfies(o -> assertThat(o.stage()).isEqualTo("PROPOSAL"));
        assertThat(view.openTasks()).hasSize(1);
        assertThat(out).contains("=== Customer 360: Zhang Wei (张伟)", "Refused: 3 violation(s)", "amount [NotNegative]",
                "probability [Max]", "name [NotBlank]", "745000 CNY", "TASK_DUE");
    }
}
