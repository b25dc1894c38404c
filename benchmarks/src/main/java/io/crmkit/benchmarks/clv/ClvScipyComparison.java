package io.crmkit.benchmarks.clv;

import io.crmkit.analytics.clv.BgNbdModel;
import io.crmkit.analytics.clv.CustomerSummaries;
import io.crmkit.analytics.clv.FitSummary;
import io.crmkit.analytics.clv.internal.BgNbdLikelihood;
import io.crmkit.analytics.clv.internal.Bfgs;
import io.crmkit.analytics.clv.internal.Groups;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * CRMKit's BG/NBD fit against scipy's optimiser on the same likelihood and the same data, in one
 * run: writes the CDNOW summary and a simulated population to temporary CSV files, times
 * {@code BgNbdModel.fit} (median of warm repeats, grouping included; wall-clock and thread CPU
 * time, since the machine may be shared), then runs
 * {@code benchmarks/scipy/bgnbd_scipy.py} on each file (scipy.optimize.minimize BFGS with the
 * analytic numpy gradient, per-row and grouped) and prints the ratios.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}):
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.clv.ClvScipyComparison
 * [customers=1000000] [repeats=5]}.
 */
public final class ClvScipyComparison {

    private ClvScipyComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path script = Path.of("benchmarks", "scipy", "bgnbd_scipy.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("run from the repository root: " + script + " not found");
        }
        double[][] cdnow = ClvData.cdnow();
        double[][] sim = ClvData.simulated(customers, 2026);
        report("CDNOW (2,357)", cdnow, 200, repeats, script);
        report(String.format(Locale.ROOT, "simulated (%,d)", customers), sim, Math.max(3, repeats), repeats, script);
    }

    private static void report(String label, double[][] data, int javaRepeats, int pyRepeats, Path script)
            throws IOException, InterruptedException {
        for (int i = 0; i < Math.min(javaRepeats, 30); i++) {
            BgNbdModel.fit(ClvData.summaries(data)); // warm-up
        }
        long[] nanos = new long[javaRepeats];
        long[] cpu = new long[javaRepeats];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        BgNbdModel m = null;
        for (int i = 0; i < javaRepeats; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            m = BgNbdModel.fit(ClvData.summaries(data));
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double javaMedian = nanos[javaRepeats / 2] / 1e6;
        double javaCpu = cpu[javaRepeats / 2] / 1e6;
        // like for like with the scipy script: grouping, then one BFGS run from the same start to the
        // same tolerance on the same objective; no second start, no standard errors
        long[] oneNanos = new long[javaRepeats];
        long[] oneCpu = new long[javaRepeats];
        Bfgs.Result one = null;
        for (int i = 0; i < javaRepeats + Math.min(javaRepeats, 30); i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            one = singleRun(data);
            if (i >= Math.min(javaRepeats, 30)) {
                oneNanos[i - Math.min(javaRepeats, 30)] = System.nanoTime() - t0;
                oneCpu[i - Math.min(javaRepeats, 30)] = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(oneNanos);
        Arrays.sort(oneCpu);
        double oneMedian = oneNanos[javaRepeats / 2] / 1e6;
        double oneCpuMedian = oneCpu[javaRepeats / 2] / 1e6;
        FitSummary s = m.fitSummary().orElseThrow();
        CustomerSummaries sum = ClvData.summaries(data);
        Path csv = Files.createTempFile("clv-bgnbd-", ".csv");
        try {
            ClvData.writeCsv(data, csv);
            Process p = new ProcessBuilder("python3", script.toString(), csv.toString(), Integer.toString(pyRepeats))
                    .redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("scipy peer failed: " + err);
            }
            double rows = number(out, "rows", "median_ms");
            double grouped = number(out, "grouped", "median_ms");
            double rowsCpu = number(out, "rows", "cpu_median_ms");
            double groupedCpu = number(out, "grouped", "cpu_median_ms");
            System.out.printf(Locale.ROOT, "%s: %d distinct histories%n", label, sum.distinctHistories());
            System.out.printf(Locale.ROOT, "  CRMKit BgNbdModel.fit  wall median %9.2f ms (best %.2f)  CPU median "
                    + "%9.2f ms  LL %.4f  starts %d  iterations %d  evaluations %d  %s%n", javaMedian, nanos[0] / 1e6,
                    javaCpu, s.logLikelihood(), s.startsTried(), s.iterations(), s.evaluations(), m.parameters());
            System.out.printf(Locale.ROOT, "  CRMKit one BFGS run    wall median %9.2f ms          CPU median "
                    + "%9.2f ms  evaluations %d  converged %s%n", oneMedian, oneCpuMedian, one.evaluations(),
                    one.converged());
            System.out.printf(Locale.ROOT, "  ratios for one run: scipy per row %.1fx wall, %.1fx CPU; grouped %.1fx wall, "
                    + "%.1fx CPU%n", rows / oneMedian, rowsCpu / oneCpuMedian, grouped / oneMedian,
                    groupedCpu / oneCpuMedian);
            System.out.printf(Locale.ROOT, "  scipy BFGS, per row    wall median %9.2f ms (%.1fx)  CPU median %9.2f ms "
                    + "(%.1fx)%n", rows, rows / javaMedian, rowsCpu, rowsCpu / javaCpu);
            System.out.printf(Locale.ROOT, "  scipy BFGS, grouped    wall median %9.2f ms (%.1fx)  CPU median %9.2f ms "
                    + "(%.1fx)%n", grouped, grouped / javaMedian, groupedCpu, groupedCpu / javaCpu);
            System.out.println("  scipy JSON: " + out);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Groups the rows and runs BFGS once from the script's default start (0.5, 0.2 mean T, 1, 3), gtol 1e-9. */
    private static Bfgs.Result singleRun(double[][] data) {
        int n = data[0].length;
        int[] x = new int[n];
        double meanT = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (int) data[0][i];
            meanT += data[2][i] / n;
        }
        Groups groups = Groups.of(x, data[1], data[2]);
        double[] start = {Math.log(0.5), Math.log(0.2 * meanT), 0, Math.log(3)};
        return Bfgs.minimize(new BgNbdLikelihood(groups, false), start, 1e-9, 1000);
    }

    /** Reads {@code "key": number} inside the {@code section} object of the script's flat JSON. */
    private static double number(String json, String section, String key) {
        int at = json.indexOf("\"" + section + "\"");
        int k = json.indexOf("\"" + key + "\"", at);
        int colon = json.indexOf(':', k);
        int end = colon + 1;
        while (end < json.length() && "0123456789.eE+- ".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(colon + 1, end).trim());
    }
}
