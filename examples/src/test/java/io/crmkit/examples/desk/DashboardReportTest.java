package io.crmkit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.examples.NightlyAnalytics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The printable nightly report")
class DashboardReportTest {
    @Test
    @DisplayName("the nightly job writes it on request as one self-contained file with the night's figures and charts inline")
    void nightlyJobWritesASelfContainedReport(@TempDir Path dir) throws Exception {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        NightlyAnalytics.Night night = NightlyAnalytics.run(store, new PrintStream(OutputStream.nullOutputStream()));
        Path file = dir.resolve("reports/nightly.html");

        NightlyAnalytics.main(new String[] {"--report=" + file});

        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("class=\"chart chart-tiers\"", "class=\"chart chart-pareto\"", "class=\"chart chart-segments\"");
        // Self-contained: no script, no stylesheet or image to fetch, no link anywhere.
        assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "href=", "url(", "@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
        // The figures are the night's: the measured top-20% share, the tier counts, every at-risk customer counted.
        assertThat(night.dashboard().top20SharePercent()).matches("\\d{1,3}\\.\\d%");
        assertThat(html).contains("<b>" + night.dashboard().top20SharePercent() + "</b>Revenue from the top 20% of customers");
        assertThat(html).contains("top 20% bring " + night.dashboard().top20SharePercent());
        // Every at-risk customer counted, the first 25 listed; the run that wrote the file flagged the same ones.
        Matcher atRisk = Pattern.compile("<div class=\"figure atrisk-count\"><b>(\\d+)</b>Customers at high churn risk")
                .matcher(html);
        assertThat(atRisk.find()).isTrue();
        int listed = Math.min(DashboardReport.AT_RISK_LISTED, Integer.parseInt(atRisk.group(1)));
        assertThat(Integer.parseInt(atRisk.group(1))).isEqualTo(night.atRisk()).isPositive();
        String atRiskTable = html.substring(html.indexOf("<table class=\"atrisk\">"), html.indexOf("</table>", html.indexOf("<table class=\"atrisk\">")));
        assertThat(count(atRiskTable, "<tr><td>")).isEqualTo(listed);
        assertThat(html).contains("At risk: the first " + listed + " of " + atRisk.group(1));
        assertThat(night.dashboard().tiers()).extracting(Dashboard.TierCount::code)
                .containsExactly("PLATINUM", "GOLD", "SILVER", "BRONZE");
        assertThat(night.dashboard().tiers().get(0).count()).isEqualTo(12);
        assertThat(html).contains(">12</text>");
        assertThat(night.dashboard().grid().cells()).hasSize(16);
        assertThat(night.dashboard().grid().cells().stream().mapToInt(s -> s.count()).sum())
                .as("every customer aged 18+ with assets falls in a cell").isBetween(1, 300);
        // The insight sections, with their figures checked against the store and the ledger.
        assertThat(html).contains("<section id=\"clv\">", "<section id=\"cross-sell\">", "<section id=\"clusters\">",
                "<section id=\"nba\">", "<section id=\"staff\">");
        InsightChecks.agree(night.dashboard(), night.trades(), new IndependentFigures(store));
        Dashboard.Rule first = night.dashboard().crossSell().rules().get(0);
        assertThat(html).contains("<td class=\"count\">" + first.count() + "</td>");
    }

    @Test
    @DisplayName("labels written into the charts are escaped")
    void chartLabelsAreEscaped() {
        String svg = Svg.bars("c", "t", java.util.List.of("<script>alert(1)</script>"), java.util.List.of(3));
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
