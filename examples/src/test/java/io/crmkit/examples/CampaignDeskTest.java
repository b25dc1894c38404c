package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.campaign.CampaignReport;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The campaign desk runs a campaign with its report and pushes the morning note")
class CampaignDeskTest {
    @Test
    @DisplayName("the campaign is frozen with a holdout, refusals by reason, a report under four models and a push")
    void campaignDesk() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CampaignDesk.Desk desk = CampaignDesk.run(InMemoryCrmStore.create(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(desk.campaign().tally().members()).isBetween(150, 350);
        assertThat(desk.campaign().tally().heldOut()).isPositive();
        assertThat(desk.campaign().tally().refusals()).containsKeys("DO_NOT_CONTACT", "NO_CONSENT");
        assertThat(desk.reports()).hasSize(4);
        double total = desk.reports().get("first-touch").attributedConversions();
        assertThat(total).isPositive();
        for (CampaignReport r : desk.reports().values()) {
            assertThat(r.attributedConversions()).as("one campaign: every model gives it the whole credit").isEqualTo(total);
            assertThat(r.engagement().automated()).isEqualTo(1);
        }
        assertThat(desk.reports().get("linear").lift()).isNotNull();
        assertThat(desk.plan().pushes()).isNotEmpty();
        assertThat(desk.run().delivered()).isEqualTo(desk.plan().pushes().size());
        assertThat(desk.statistics().total().delivered()).isEqualTo(desk.run().delivered());
        assertThat(desk.statistics().total().automated()).isPositive();
        assertThat(out).contains("=== Campaign 'Stable income fund'", "lift vs holdout", "=== Morning note");
    }

    @Test
    @DisplayName("the campaign desk's main runs")
    void main() {
        CampaignDesk.main(new String[0]);
    }
}
