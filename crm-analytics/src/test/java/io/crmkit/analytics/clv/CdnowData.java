package io.crmkit.analytics.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds and reads the CDNOW summary for the CLV validation tests; never copies it. */
final class CdnowData {

    private CdnowData() {
    }

    static Path locate() {
        String prop = System.getProperty("crmkit.datasets");
        if (prop != null) {
            Path p = Path.of(prop, "cdnow");
            return Files.isRegularFile(p.resolve("cdnow_sum.csv")) ? p : null;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets").resolve("cdnow");
            if (Files.isRegularFile(candidate.resolve("cdnow_sum.csv"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The published summary: x, t_x and T in weeks, mean repeat spend. */
    static CustomerSummaries summary(Path dir) throws IOException {
        List<String> rows = Files.readAllLines(dir.resolve("cdnow_sum.csv"));
        int n = rows.size() - 1;
        String[] ids = new String[n];
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            String[] p = rows.get(i + 1).split(",");
            ids[i] = p[0];
            x[i] = Double.parseDouble(p[1]);
            tx[i] = Double.parseDouble(p[2]);
            t[i] = Double.parseDouble(p[3]);
            m[i] = Double.parseDouble(p[4]);
        }
        return CustomerSummaries.ofArrays(PeriodUnit.WEEKS, ids, x, tx, t, m);
    }
}
