package io.crmkit.benchmarks.clv;

import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.PeriodUnit;
import io.crmkit.analytics.clv.SyntheticPopulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark inputs: the CDNOW summary (located like the tests do: {@code -Dcrmkit.datasets}
 * or a {@code shared/datasets} folder above the working directory; never copied) and a seeded
 * simulated population drawn from the CDNOW BG/NBD parameters, ages 26 to 52 weeks, purchase times
 * on whole days.
 */
final class ClvData {

    /** The published CDNOW BG/NBD parameters, used to simulate. */
    static final BgNbdModel CDNOW_BG = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258, PeriodUnit.WEEKS);

    private ClvData() {
    }

    static Path cdnowDir() {
        String prop = System.getProperty("crmkit.datasets");
        if (prop != null) {
            return Path.of(prop, "cdnow");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("datasets").resolve("cdnow");
            if (Files.isRegularFile(c.resolve("cdnow_sum.csv"))) {
                return c;
            }
        }
        throw new IllegalStateException("CDNOW data not found: pass -Dcrmkit.datasets=/path/to/datasets");
    }

    /** x, t_x, T columns of the CDNOW summary. */
    static double[][] cdnow() {
        try {
            List<String> rows = Files.readAllLines(cdnowDir().resolve("cdnow_sum.csv"));
            int n = rows.size() - 1;
            double[][] c = new double[3][n];
            for (int i = 0; i < n; i++) {
                String[] p = rows.get(i + 1).split(",");
                c[0][i] = Double.parseDouble(p[1]);
                c[1][i] = Double.parseDouble(p[2]);
                c[2][i] = Double.parseDouble(p[3]);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** x, t_x, T columns of a simulated population of n customers. */
    static double[][] simulated(int n, long seed) {
        CustomerSummaries s = SyntheticPopulation.draw(CDNOW_BG, n, 26, 52, 1.0 / 7, seed);
        double[][] c = new double[3][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = s.frequency(i);
            c[1][i] = s.recency(i);
            c[2][i] = s.age(i);
        }
        return c;
    }

    static CustomerSummaries summaries(double[][] c) {
        return CustomerSummaries.ofArrays(PeriodUnit.WEEKS, c[0], c[1], c[2]);
    }

    static void writeCsv(double[][] c, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("x,t_x,T\n");
            for (int i = 0; i < c[0].length; i++) {
                w.write((long) c[0][i] + "," + c[1][i] + "," + c[2][i] + "\n");
            }
        }
    }
}
