package io.crmkit.benchmarks.quality;

import io.crmkit.quality.dedup.CandidatePair;
import io.crmkit.quality.dedup.Decision;
import io.crmkit.quality.dedup.DedupResult;
import io.crmkit.quality.dedup.DuplicateFinder;
import io.crmkit.quality.dedup.MatchRecord;
import io.crmkit.quality.normalize.NameNormalizer;
import io.crmkit.quality.normalize.PhoneNormalizer;
import io.crmkit.quality.testing.DedupPopulation;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scale run for duplicate detection: a generated population of N customers with planted
 * duplicates (typos, swapped name order, phone formats, full-width characters, missing fields,
 * swapped day and month) and hard negatives (the same common name in the same city). Prints the
 * time, comparisons as a share of n^2/2, precision and recall of the SAME decisions, and the ratio
 * against a baseline measured in the same run: one pass that only normalises every name and phone
 * and groups the records by E.164 phone (the cheapest exact-key dedup).
 *
 * <pre>java -Xmx8g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.quality.DedupRun [records]</pre>
 */
public final class DedupRun {
    private DedupRun() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        DedupPopulation pop = DedupPopulation.generate(n, 42);
        System.out.printf(Locale.ROOT, "%,d records, %,d planted pairs, %d cores%n", pop.records().size(), pop.truePairs().size(),
                Runtime.getRuntime().availableProcessors());
        DuplicateFinder finder = DuplicateFinder.ofDefaults();
        finder.find(pop.records().subList(0, Math.min(50_000, n)));   // warm-up
        long t0 = System.nanoTime();
        long groups = baseline(pop);
        double base = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        DedupResult r = finder.find(pop.records());
        double secs = (System.nanoTime() - t0) / 1e9;
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
        System.out.printf(Locale.ROOT, "baseline (normalise + group by phone, %,d groups): %.1f s%n", groups, base);
        System.out.printf(Locale.ROOT, "dedup: %.1f s (%.2fx the baseline), %,d blocks (%d oversized), %,d comparisons = %.6f%% of n^2/2, "
                + "%,d candidates, precision %.4f, recall %.4f%n", secs, secs / base, r.stats().blocks(), r.stats().oversizedBlocks(),
                r.stats().comparisons(), 100 * r.stats().comparisonRatio(), r.pairs().size(), right / (double) same,
                right / (double) pop.truePairs().size());
    }

    private static long baseline(DedupPopulation pop) {
        PhoneNormalizer phones = PhoneNormalizer.forRegion("CN");
        Map<String, Integer> byPhone = new HashMap<>();
        long names = 0;
        for (MatchRecord m : pop.records()) {
            if (NameNormalizer.tokenKey(m.legalName()) != null) {
                names++;
            }
            for (String p : m.phones()) {
                try {
                    byPhone.merge(phones.toE164(p, "phone"), 1, Integer::sum);
                } catch (RuntimeException ignored) {
                    // unusable phone
                }
            }
        }
        // the name count is returned with the groups so the normalisation cannot be optimised away
        return byPhone.size() + (names > 0 ? 0 : 1);
    }
}
