package io.crmkit.benchmarks.quality;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.benchmarks.Stats;
import io.crmkit.quality.dedup.CandidatePair;
import io.crmkit.quality.dedup.Decision;
import io.crmkit.quality.dedup.DedupResult;
import io.crmkit.quality.dedup.DuplicateFinder;
import io.crmkit.quality.dedup.MatchRecord;
import io.crmkit.quality.normalize.NameNormalizer;
import io.crmkit.quality.normalize.Text;
import io.crmkit.quality.testing.CandidateDigest;
import io.crmkit.quality.testing.DedupPopulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale run for duplicate detection: a generated population of N customers with planted
 * duplicates (typos, swapped name order, phone formats, full-width characters, missing fields,
 * swapped day and month) and hard negatives (the same common name in the same city). Prints, round
 * by round, the wall time and the process CPU time (all threads, GC included) of the batch run and
 * of a baseline measured in the same round: one single-threaded pass that cleans every phone and
 * parses it with libphonenumber ({@code parse}, {@code isValidNumber}, {@code format}: what
 * the phone normaliser did for every number before its fast path), normalises every name and
 * groups the records by E.164 phone (the cheapest exact-key dedup). Then the medians, the ratios,
 * comparisons as a share of n^2/2, precision and recall of the SAME decisions, and a SHA-256 of
 * every candidate pair (keys, score bits, decision, reasons) so two builds can be shown to give the
 * same pairs: run the same command with another build's crm-quality classes first on the class path.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.quality.DedupRun [records] [rounds]</pre>
 */
public final class DedupRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private DedupRun() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DedupPopulation pop = DedupPopulation.generate(n, 42);
        System.out.printf(Locale.ROOT, "%,d records, %,d planted pairs, %d cores, %d rounds, load %.1f%n", pop.records().size(),
                pop.truePairs().size(), Runtime.getRuntime().availableProcessors(), rounds, OS.getSystemLoadAverage());
        DuplicateFinder finder = DuplicateFinder.ofDefaults();
        List<MatchRecord> warm = pop.records().subList(0, Math.min(50_000, n));
        finder.find(warm);
        baseline(warm);
        double[] baseWall = new double[rounds];
        double[] baseCpu = new double[rounds];
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        DedupResult r = null;
        String digest = null;
        for (int round = 0; round < rounds; round++) {
            long p0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            long groups = baseline(pop.records());
            baseWall[round] = (System.nanoTime() - t0) / 1e9;
            baseCpu[round] = (OS.getProcessCpuTime() - p0) / 1e9;
            p0 = OS.getProcessCpuTime();
            t0 = System.nanoTime();
            r = finder.find(pop.records());
            wall[round] = (System.nanoTime() - t0) / 1e9;
            cpu[round] = (OS.getProcessCpuTime() - p0) / 1e9;
            String d = CandidateDigest.of(r.pairs());
            if (digest != null && !digest.equals(d)) {
                throw new IllegalStateException("round " + round + " gave other candidate pairs than round 0");
            }
            digest = d;
            System.out.printf(Locale.ROOT, "round %d: baseline %.1f s wall, %.1f s CPU (%,d phone groups) | dedup %.1f s wall, %.1f s CPU"
                    + " | ratio %.2fx wall, %.2fx CPU | load %.1f%n", round, baseWall[round], baseCpu[round], groups, wall[round],
                    cpu[round], wall[round] / baseWall[round], cpu[round] / baseCpu[round], OS.getSystemLoadAverage());
        }
        long same = 0;
        long right = 0;
        for (CandidatePair p : r.pairs()) {
            if (p.decision() == Decision.SAME) {
                same++;
                if (pop.truePairs().contains(p.left() + "|" + p.right())) {
                    right++;
                }
            }
        }
        double[] ratioWall = new double[rounds];
        double[] ratioCpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratioWall[i] = wall[i] / baseWall[i];
            ratioCpu[i] = cpu[i] / baseCpu[i];
        }
        System.out.printf(Locale.ROOT, "median: baseline %.1f s wall / %.1f s CPU; dedup %.1f s wall / %.1f s CPU; ratio %.2fx wall, %.2fx CPU%n",
                Stats.median(baseWall), Stats.median(baseCpu), Stats.median(wall), Stats.median(cpu), Stats.median(ratioWall),
                Stats.median(ratioCpu));
        System.out.printf(Locale.ROOT, "dedup: %,d blocks (%d oversized), %,d comparisons = %.6f%% of n^2/2, %,d candidates, "
                + "precision %.4f, recall %.4f%n", r.stats().blocks(), r.stats().oversizedBlocks(), r.stats().comparisons(),
                100 * r.stats().comparisonRatio(), r.pairs().size(), right / (double) same, right / (double) pop.truePairs().size());
        System.out.println("candidate pairs sha256 " + digest);
    }

    /** Single-threaded: every name normalised, every phone cleaned and parsed by libphonenumber, records grouped by phone. */
    private static long baseline(List<MatchRecord> records) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Map<String, Integer> byPhone = new HashMap<>();
        long names = 0;
        for (MatchRecord m : records) {
            if (NameNormalizer.tokenKey(m.legalName()) != null) {
                names++;
            }
            for (String p : m.phones()) {
                try {
                    PhoneNumber number = util.parse(Text.clean(p, "phone"), "CN");
                    if (util.isValidNumber(number)) {
                        byPhone.merge(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), 1, Integer::sum);
                    }
                } catch (NumberParseException | RuntimeException ignored) {
                    // unusable phone
                }
            }
        }
        // the name count is returned with the groups so the normalisation cannot be optimised away
        return byPhone.size() + (names > 0 ? 0 : 1);
    }
}
