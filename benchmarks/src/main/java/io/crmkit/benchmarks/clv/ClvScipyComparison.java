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
 * run and interleaved: writes the CDNOW summary and a simulated population to temporary CSV files;
 * then, round by round, times a batch of {@code BgNbdModel.fit} (grouping included; wall-clock and
 * thread CPU time, since the machine may be shared), a batch of single BFGS runs like the script's
 * (grouping, one start, same tolerance), and one process of {@code benchmarks/scipy/bgnbd_scipy.py}
 * (scipy.optimize.minimize BFGS with the analytic numpy gradient on grouped customers, np.unique
 * included; per row as well in the first round). Each round's ratio is scipy's median over its
 * batch against CRMKit's; the summary is the median of the per-round ratios.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}):
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.clv.ClvScipyComparison
 * [customers=1000000] [rounds=5]}.
 */
public final class ClvScipyComparison {

    private ClvScipyComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path script = Path.of("benchmarks", "scipy", "bgnbd_scipy.py");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("run from the repository root: " + script + " not found");
        }
        double[][] cdnow = ClvData.cdnow();
        double[][] sim = ClvData.simulated(customers, 2026);
        report("CDNOW (2,357)", cdnow, 40, 10, rounds, script);
        report(String.format(Locale.ROOT, "simulated (%,d)", customers), sim, 3, 1, rounds, script);
    }

    /** Medians of one batch: wall and thread CPU, in ms. */
    private record Timing(double wall, double cpu) {
    }

    private static Timing batch(int repeats, Runnable fit) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[repeats];
        long[] cpu = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            fit.run();
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return new Timing(nanos[repeats / 2] / 1e6, cpu[repeats / 2] / 1e6);
    }

    private static void report(String label, double[][] data, int javaRepeats, int pyRepeats, int rounds, Path script)
            throws IOException, InterruptedException {
        // warm-up: ten batches' worth (400 fits on CDNOW, 30 on the million); after 30 CDNOW fits the
        // full fit's code was not compiled yet and round 0 measured the JIT, not the fit
        for (int i = 0; i < 10 * javaRepeats; i++) {
            BgNbdModel.fit(ClvData.summaries(data));
            singleRun(data);
        }
        BgNbdModel m = BgNbdModel.fit(ClvData.summaries(data));
        Bfgs.Result one = singleRun(data);
        FitSummary s = m.fitSummary().orElseThrow();
        CustomerSummaries sum = ClvData.summaries(data);
        System.out.printf(Locale.ROOT, "%s: %d distinct histories%n", label, sum.distinctHistories());
        System.out.printf(Locale.ROOT, "  CRMKit BgNbdModel.fit: LL %.4f  starts %d  iterations %d  evaluations %d  %s%n",
                s.logLikelihood(), s.startsTried(), s.iterations(), s.evaluations(), m.parameters());
        System.out.printf(Locale.ROOT, "  CRMKit one BFGS run: value %.10f  evaluations %d  converged %s%n",
                one.value(), one.evaluations(), one.converged());
        double[][] ratios = new double[4][rounds];   // full wall, full CPU, one wall, one CPU (vs scipy grouped)
        Path csv = Files.createTempFile("clv-bgnbd-", ".csv");
        try {
            ClvData.writeCsv(data, csv);
            for (int round = 0; round < rounds; round++) {
                Timing full = batch(javaRepeats, () -> BgNbdModel.fit(ClvData.summaries(data)));
                Timing single = batch(javaRepeats, () -> singleRun(data));
                String out = scipy(script, csv, pyRepeats, round == 0 ? "rows,grouped" : "grouped");
                double grouped = number(out, "grouped", "median_ms");
                double groupedCpu = number(out, "grouped", "cpu_median_ms");
                ratios[0][round] = grouped / full.wall();
                ratios[1][round] = groupedCpu / full.cpu();
                ratios[2][round] = grouped / single.wall();
                ratios[3][round] = groupedCpu / single.cpu();
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.out.printf(Locale.ROOT, "  round %d (load %.1f): CRMKit full fit %.2f ms wall, %.2f ms CPU;"
                        + " one BFGS run %.2f ms wall, %.2f ms CPU; scipy grouped %.2f ms wall, %.2f ms CPU;"
                        + " ratios full %.1fx wall %.1fx CPU, one run %.1fx wall %.1fx CPU%n", round, load, full.wall(),
                        full.cpu(), single.wall(), single.cpu(), grouped, groupedCpu, ratios[0][round],
                        ratios[1][round], ratios[2][round], ratios[3][round]);
                if (round == 0) {
                    double rows = number(out, "rows", "median_ms");
                    double rowsCpu = number(out, "rows", "cpu_median_ms");
                    System.out.printf(Locale.ROOT, "  round 0, scipy per row %.2f ms wall, %.2f ms CPU: %.1fx / %.1fx"
                            + " the full fit (wall / CPU)%n", rows, rowsCpu, rows / full.wall(), rowsCpu / full.cpu());
                    System.out.println("  scipy JSON: " + out);
                }
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        for (double[] r : ratios) {
            Arrays.sort(r);
        }
        System.out.printf(Locale.ROOT, "  median per-round ratio scipy grouped / CRMKit: full fit %.1fx wall, %.1fx CPU"
                + " (worst round %.1fx wall, %.1fx CPU); one BFGS run %.1fx wall, %.1fx CPU (worst %.1fx, %.1fx)%n",
                ratios[0][rounds / 2], ratios[1][rounds / 2], ratios[0][0], ratios[1][0], ratios[2][rounds / 2],
                ratios[3][rounds / 2], ratios[2][0], ratios[3][0]);
    }

    private static String scipy(Path script, Path csv, int repeats, String variants)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", script.toString(), csv.toString(), Integer.toString(repeats), variants)
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("scipy peer failed: " + err);
        }
        return out;
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
