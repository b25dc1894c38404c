package io.crmkit.analytics.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.analytics.concentration.Concentration;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.rank.RankedEntry;
import io.crmkit.analytics.rank.TopN;
import io.crmkit.analytics.score.RfmCell;
import io.crmkit.analytics.score.RfmConfig;
import io.crmkit.analytics.score.RfmModel;
import io.crmkit.analytics.score.RfmResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Validation on the public CDNOW sample (Fader, Hardie and Lee 2005): 2,357 customers' purchases.
 * Runs only where the data folder exists (system property {@code crmkit.datasets}, or a
 * {@code shared/datasets} folder in a parent of the working directory); the data is never copied
 * into the repository.
 */
class CdnowDatasetTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static Path dir;

    /** Per customer: distinct purchase days with their totals, calibration period only. */
    private static final Map<Integer, TreeMap<LocalDate, Double>> DAYS = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        dir = locate();
        Assumptions.assumeTrue(dir != null,
                "CDNOW data not found (set -Dcrmkit.datasets=...): CDNOW validation skipped");
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        for (String line : Files.readAllLines(dir.resolve("cdnow_sample.txt"))) {
            String[] p = line.trim().split("\\s+");
            if (p.length < 5) {
                continue;
            }
            int id = Integer.parseInt(p[1]);
            LocalDate day = LocalDate.parse(p[2], ymd);
            if (!day.isAfter(CALIBRATION_END)) {
                DAYS.computeIfAbsent(id, k -> new TreeMap<>()).merge(day, Double.parseDouble(p[4]), Double::sum);
            }
        }
    }

    private static Path locate() {
        String prop = System.getProperty("crmkit.datasets");
        if (prop != null) {
            Path p = Path.of(prop, "cdnow");
            return Files.isDirectory(p) ? p : null;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets").resolve("cdnow");
            if (Files.isRegularFile(candidate.resolve("cdnow_sample.txt"))) {
                return candidate;
            }
        }
        return null;
    }

    private static FeatureFrame frame() {
        int n = DAYS.size();
        long[] ids = new long[n];
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        int r = 0;
        for (Map.Entry<Integer, TreeMap<LocalDate, Double>> e : DAYS.entrySet()) {
            TreeMap<LocalDate, Double> days = e.getValue();
            ids[r] = e.getKey();
            recency[r] = ChronoUnit.DAYS.between(days.lastKey(), CALIBRATION_END);
            frequency[r] = days.size() - 1;
            monetary[r] = days.values().stream().mapToDouble(Double::doubleValue).sum();
            r++;
        }
        return FeatureFrame.builder(n).ids(ids).doubles("recency_days", recency).doubles("frequency", frequency)
                .doubles("monetary", monetary).build();
    }

    @Test
    @DisplayName("derives the published per-customer summary (x, t_x, T) from the raw purchases")
    void reproducesPublishedSummary() throws IOException {
        List<String> rows = Files.readAllLines(dir.resolve("cdnow_sum.csv"));
        assertThat(rows).hasSize(2358);
        assertThat(DAYS).hasSize(2357);
        for (String row : rows.subList(1, rows.size())) {
            String[] p = row.split(",");
            TreeMap<LocalDate, Double> days = DAYS.get(Integer.parseInt(p[0]));
            LocalDate first = days.firstKey();
            assertThat(days.size() - 1).isEqualTo(Integer.parseInt(p[1]));
            assertThat(ChronoUnit.DAYS.between(first, days.lastKey()) / 7.0).isCloseTo(Double.parseDouble(p[2]), within(0.01));
            assertThat(ChronoUnit.DAYS.between(first, CALIBRATION_END) / 7.0).isCloseTo(Double.parseDouble(p[3]), within(0.01));
        }
    }

    @Test
    @DisplayName("scores RFM on the 2,357 customers exactly as the rank formula says, ties included")
    void rfmMatchesRankFormula() {
        FeatureFrame f = frame();
        RfmResult r = RfmModel.of(RfmConfig.custom().parallelism(2).build()).score(f);
        double[] freq = f.doubles("frequency");
        double[] sorted = freq.clone();
        Arrays.sort(sorted);
        int n = f.size();
        for (int i = 0; i < n; i++) {
            int worse = lowerBound(sorted, freq[i]);
            assertThat(r.frequency(i)).isEqualTo(1 + (int) (5L * worse / n));
        }
        // 1,411 of 2,357 customers never came back: one tie block at frequency 0, all score 1
        assertThat(Arrays.stream(freq).filter(v -> v == 0).count()).isEqualTo(1411);
        int scoreOne = 0;
        for (int i = 0; i < n; i++) {
            scoreOne += r.frequency(i) == 1 ? 1 : 0;
        }
        assertThat(scoreOne).isEqualTo(1411);
        assertThat(r.countByCell().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(r.countByCell().get(RfmCell.CHAMPIONS)).isPositive();
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    @DisplayName("measures revenue concentration and the top spenders against a brute-force computation")
    void concentrationAndRanking() {
        FeatureFrame f = frame();
        double[] spend = f.doubles("monetary");
        Concentration c = Concentration.of(spend);
        double[] desc = spend.clone();
        Arrays.sort(desc);
        double total = Arrays.stream(desc).sum();
        int top = (int) Math.ceil(0.2 * desc.length);
        double topSum = 0;
        for (int i = 0; i < top; i++) {
            topSum += desc[desc.length - 1 - i];
        }
        assertThat(c.shareOfTop(0.2)).isCloseTo(topSum / total, within(1e-9));
        double abs = 0;
        for (double a : spend) {
            for (double b : spend) {
                abs += Math.abs(a - b);
            }
        }
        assertThat(c.gini()).isCloseTo(abs / (2.0 * spend.length * total), within(1e-9));
        List<RankedEntry> best = TopN.of(f, "monetary", 5);
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(desc[desc.length - 1 - i]);
        }
        assertThat(best).extracting(RankedEntry::value).containsExactlyElementsOf(expected);
    }
}
