package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.analytics.basket.Baskets;
import io.crmkit.analytics.basket.FrequentItemsetMiner;
import io.crmkit.analytics.basket.FrequentItemsets;
import io.crmkit.analytics.basket.MiningConfig;
import io.crmkit.analytics.basket.RuleConfig;
import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.PeriodUnit;
import io.crmkit.analytics.clv.SyntheticPopulation;
import io.crmkit.analytics.cluster.KMeans;
import io.crmkit.analytics.cluster.KMeansConfig;
import io.crmkit.analytics.cluster.KMeansResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clv fit}, {@code rules} and {@code kmeans} on files, checked against the library and published values. */
class AnalyticsCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    static CrmCliTest.Result cli(String... args) {
        return CrmCliTest.cli(args);
    }

    static JsonNode json(CrmCliTest.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private Path summaries(CustomerSummaries data) throws Exception {
        StringBuilder csv = new StringBuilder("id,x,t_x,T\n");
        for (int i = 0; i < data.size(); i++) {
            csv.append("c").append(i).append(',').append(data.frequency(i)).append(',')
                    .append(data.recency(i)).append(',').append(data.age(i)).append('\n');
        }
        Path file = dir.resolve("summaries.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    @DisplayName("clv fit --model bgnbd on a simulated population: the library's own fit, near the true parameters, as JSON")
    void clvFitSimulated() throws Exception {
        CustomerSummaries data = SyntheticPopulation.draw(BgNbdModel.of(0.25, 4.0, 0.8, 2.5, PeriodUnit.WEEKS), 4_000,
                20, 52, 1.0 / 7, 11);
        Path file = summaries(data);
        JsonNode out = json(cli("clv", "fit", "--model", "bgnbd", "--input", file.toString()));
        // the file holds the same numbers as the arrays (doubles print exactly), so the fit is the same
        BgNbdModel direct = BgNbdModel.fit(CustomerSummaries.ofArrays(PeriodUnit.WEEKS, readColumn(file, 1),
                readColumn(file, 2), readColumn(file, 3)));
        assertThat(out.get("model").asText()).isEqualTo("bgnbd");
        assertThat(out.get("customers").asInt()).isEqualTo(4_000);
        for (String p : List.of("r", "alpha", "a", "b")) {
            assertThat(out.get("parameters").get(p).asDouble()).as(p).isEqualTo(direct.parameters().get(p));
            assertThat(out.get("standardErrors").get(p).asDouble()).as(p).isPositive();
        }
        assertThat(out.get("logLikelihood").asDouble()).isEqualTo(direct.fitSummary().orElseThrow().logLikelihood());
        assertThat(out.get("parameters").get("r").asDouble()).isCloseTo(0.25, within(0.06));
        assertThat(out.get("parameters").get("alpha").asDouble()).isCloseTo(4.0, within(1.2));
    }

    private static double[] readColumn(Path file, int column) throws Exception {
        List<String> lines = Files.readAllLines(file);
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            v[i - 1] = Double.parseDouble(lines.get(i).split(",")[column]);
        }
        return v;
    }

    @Test
    @DisplayName("clv fit on the CDNOW sample reproduces the published BG/NBD, Pareto/NBD and Gamma-Gamma values (skipped without the data)")
    void clvFitCdnow() throws Exception {
        Path cdnow = locateCdnow();
        Assumptions.assumeTrue(cdnow != null, "skipped: ../shared/datasets/cdnow/cdnow_sum.csv is not on this machine");
        List<String> rows = Files.readAllLines(cdnow);
        rows.set(0, "id,x,t_x,T,m"); // the published header is ID,x,t_x,T,zbar
        Path file = dir.resolve("cdnow.csv");
        Files.write(file, rows);
        JsonNode bg = json(cli("clv", "fit", "--model", "bgnbd", "--input", file.toString()));
        assertThat(bg.get("parameters").get("r").asDouble()).isCloseTo(0.2426, within(5e-4));
        assertThat(bg.get("parameters").get("alpha").asDouble()).isCloseTo(4.4135, within(5e-3));
        assertThat(bg.get("parameters").get("a").asDouble()).isCloseTo(0.7929, within(2e-3));
        assertThat(bg.get("parameters").get("b").asDouble()).isCloseTo(2.4258, within(5e-3));
        assertThat(bg.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
        JsonNode pareto = json(cli("clv", "fit", "--model", "pareto-nbd", "--input", file.toString()));
        assertThat(pareto.get("parameters").get("r").asDouble()).isCloseTo(0.5533, within(2e-3));
        assertThat(pareto.get("parameters").get("beta").asDouble()).isCloseTo(11.6679, within(0.05));
        assertThat(pareto.get("logLikelihood").asDouble()).isCloseTo(-9594.97, within(0.02));
        JsonNode gg = json(cli("clv", "fit", "--model", "gamma-gamma", "--input", file.toString()));
        assertThat(gg.get("parameters").get("p").asDouble()).isCloseTo(6.249, within(0.01));
        assertThat(gg.get("parameters").get("q").asDouble()).isCloseTo(3.745, within(0.01));
        assertThat(gg.get("parameters").get("v").asDouble()).isCloseTo(15.448, within(0.05));
        JsonNode mbg = json(cli("clv", "fit", "--model", "mbg-nbd", "--input", file.toString()));
        assertThat(mbg.get("logLikelihood").asDouble()).isLessThan(0);
    }

    private static Path locateCdnow() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets").resolve("cdnow").resolve("cdnow_sum.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    @DisplayName("clv fit: a bad model, a missing column, a broken cell and a missing file are refused naming the option")
    void clvErrors() throws Exception {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "id,x,t_x,T\nc1,2,30.4,38.9\nc2,0,0,38.9\n");
        CrmCliTest.Result model = cli("clv", "fit", "--model", "bg", "--input", file.toString());
        assertThat(model.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(model.err()).contains("--model").contains("bgnbd, pareto-nbd, mbg-nbd, gamma-gamma");
        CrmCliTest.Result spend = cli("clv", "fit", "--model", "gamma-gamma", "--input", file.toString());
        assertThat(spend.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(spend.err()).contains("--input").contains("no column 'm'");
        Files.writeString(file, "id,x,t_x,T\nc1,2,30.4,38.9\nc2,zero,0,38.9\n");
        CrmCliTest.Result cell = cli("clv", "fit", "--model", "bgnbd", "--input", file.toString());
        assertThat(cell.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(cell.err()).contains("--input").contains("line 3, column 'x' is not a finite number")
                .doesNotContain("zero");
        CrmCliTest.Result missing = cli("clv", "fit", "--model", "bgnbd", "--input", dir.resolve("none.csv").toString());
        assertThat(missing.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(missing.err()).contains("--input").contains("does not exist");
        CrmCliTest.Result unit = cli("clv", "fit", "--model", "bgnbd", "--unit", "months", "--input", file.toString());
        assertThat(unit.err()).contains("--unit");
        CrmCliTest.Result noInput = cli("clv", "fit", "--model", "bgnbd");
        assertThat(noInput.code()).isEqualTo(CrmCli.USAGE);
        assertThat(noInput.err()).contains("--input");
    }

    @Test
    @DisplayName("rules on random baskets: the itemsets and rules the library mines, with support, confidence and lift")
    void rules() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> products = List.of("DEPOSIT", "FUND", "BOND", "INSURANCE", "EQUITY", "WEALTH");
        List<Set<String>> baskets = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int b = 0; b < 2_000; b++) {
            List<String> basket = new ArrayList<>();
            for (int p = 0; p < products.size(); p++) {
                if (rnd.nextDouble() < 0.15 + 0.1 * p || (p == 3 && basket.contains("FUND") && rnd.nextDouble() < 0.6)) {
                    basket.add(products.get(p));
                }
            }
            baskets.add(new java.util.LinkedHashSet<>(basket));
            text.append(String.join(" ", basket)).append('\n');
        }
        Path file = dir.resolve("baskets.txt");
        Files.writeString(file, text);
        JsonNode out = json(cli("rules", "--input", file.toString(), "--min-support-count", "200", "--min-confidence", "0.5"));
        FrequentItemsets expected = FrequentItemsetMiner.of(MiningConfig.custom().minCount(200).build()).mine(Baskets.of(baskets));
        assertThat(out.get("baskets").asInt()).isEqualTo(2_000);
        assertThat(out.get("itemsets")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode s = out.get("itemsets").get(i);
            assertThat(JSON.convertValue(s.get("items"), List.class)).isEqualTo(expected.itemset(i).items());
            assertThat(s.get("count").asLong()).isEqualTo(expected.itemset(i).count());
            assertThat(s.get("count").asLong()).isGreaterThanOrEqualTo(200);
        }
        var rules = expected.rules(RuleConfig.custom().minConfidence(0.5).build()).rules();
        assertThat(rules).isNotEmpty();
        assertThat(out.get("rules")).hasSize(rules.size());
        JsonNode first = out.get("rules").get(0);
        assertThat(JSON.convertValue(first.get("consequent"), List.class)).isEqualTo(rules.get(0).consequent());
        assertThat(first.get("confidence").asDouble()).isEqualTo(rules.get(0).confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(first.get("lift").asDouble()).isEqualTo(rules.get(0).lift());
        JsonNode noRules = json(cli("rules", "--input", file.toString(), "--min-support-count", "200"));
        assertThat(noRules.has("rules")).isFalse();
    }

    @Test
    @DisplayName("rules: bad counts, confidence and semantics are refused naming the option")
    void rulesErrors() throws Exception {
        Path file = dir.resolve("b.txt");
        Files.writeString(file, "A B\nB C\n");
        assertThat(cli("rules", "--input", file.toString(), "--min-support-count", "0").err()).contains("--min-support-count");
        assertThat(cli("rules", "--input", file.toString(), "--min-support-count", "1", "--min-confidence", "1.5").err())
                .contains("--min-confidence");
        assertThat(cli("rules", "--input", file.toString(), "--min-support-count", "1", "--semantics", "x").err())
                .contains("--semantics");
        CrmCliTest.Result notNumber = cli("rules", "--input", file.toString(), "--min-support-count", "many");
        assertThat(notNumber.code()).isEqualTo(CrmCli.USAGE);
        assertThat(notNumber.err()).contains("--min-support-count");
    }

    @Test
    @DisplayName("kmeans on a CSV with three groups: the library's clusters, centres in the columns' units, assignments by id")
    void kmeans() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("id,aum,trades\n");
        double[][] columns = new double[2][600];
        for (int i = 0; i < 600; i++) {
            int g = i % 3;
            columns[0][i] = 100_000 * (g + 1) + rnd.nextGaussian() * 5_000;
            columns[1][i] = 10 * (3 - g) + rnd.nextGaussian();
            csv.append("c").append(i).append(',').append(columns[0][i]).append(',').append(columns[1][i]).append('\n');
        }
        Path file = dir.resolve("points.csv");
        Files.writeString(file, csv);
        Path assigned = dir.resolve("assigned.csv");
        JsonNode out = json(cli("kmeans", "--input", file.toString(), "--k", "3", "--seed", "7",
                "--assignments", assigned.toString()));
        KMeansResult expected = KMeans.of(KMeansConfig.custom().k(3).seed(7).parallelism(1).build())
                .fit(columns, List.of("aum", "trades"));
        assertThat(out.get("inertia").asDouble()).isEqualTo(expected.inertia());
        assertThat(out.get("clusters")).hasSize(3);
        for (JsonNode c : out.get("clusters")) {
            assertThat(c.get("size").asInt()).isEqualTo(200);
            double aum = c.get("centre").get("aum").asDouble(); // the groups sit at 100k, 200k and 300k
            assertThat(Math.abs(aum - 100_000 * Math.rint(aum / 100_000))).isLessThan(2_000);
            assertThat(c.get("description").asText()).isNotBlank();
        }
        List<String> lines = Files.readAllLines(assigned);
        assertThat(lines).hasSize(601);
        assertThat(lines.get(1)).isEqualTo(String.format(Locale.ROOT, "c0,%d", expected.cluster(0)));
    }

    @Test
    @DisplayName("kmeans: k out of range and an unknown column are refused naming the option")
    void kmeansErrors() throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "id,a\nx,1\ny,2\n");
        CrmCliTest.Result tooMany = cli("kmeans", "--input", file.toString(), "--k", "3");
        assertThat(tooMany.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(tooMany.err()).contains("--k").contains("number of rows (2)");
        assertThat(cli("kmeans", "--input", file.toString(), "--k", "1", "--columns", "b").err())
                .contains("--columns").contains("no column 'b'");
        assertThat(cli("kmeans", "--input", file.toString()).err()).contains("--k");
    }
}
