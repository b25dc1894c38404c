package io.crmkit.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Identifier;
import io.crmkit.quality.testing.DedupPopulation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    /** Precision and recall of the SAME decisions against the planted pairs. */
    static double[] precisionRecall(DedupResult r, DedupPopulation pop) {
        long same = r.pairs().stream().filter(p -> p.decision() == Decision.SAME).count();
        long right = r.pairs().stream().filter(p -> p.decision() == Decision.SAME)
                .filter(p -> pop.truePairs().contains(p.left() + "|" + p.right())).count();
        return new double[] {same == 0 ? 0 : right / (double) same, right / (double) pop.truePairs().size()};
    }

    @Test
    @DisplayName("20k customers with planted duplicates and hard negatives: precision >= 0.98, recall >= 0.95, comparisons <= 1% of n^2/2")
    void findsPlantedDuplicates() {
        DedupPopulation pop = DedupPopulation.generate(20_000, 42);
        DedupResult r = DuplicateFinder.ofDefaults().find(pop.records());
        double[] pr = precisionRecall(r, pop);
        System.out.printf("precision %.4f recall %.4f comparisons %d (%.5f of n^2/2) planted %d%n", pr[0], pr[1],
                r.stats().comparisons(), r.stats().comparisonRatio(), pop.truePairs().size());
        assertThat(pop.truePairs()).hasSizeGreaterThan(1_500);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.98);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.95);
        assertThat(r.stats().comparisonRatio()).isLessThanOrEqualTo(0.01);
    }

    @Test
    @DisplayName("weights estimated by EM from a fixed seed are reproducible and also meet the goals")
    void emWeightsReproducible() {
        DedupPopulation pop = DedupPopulation.generate(20_000, 43);
        DuplicateFinder finder = DuplicateFinder.ofDefaults();
        MatchWeights a = EmEstimator.estimate(finder, pop.records(), 7, 50);
        MatchWeights b = EmEstimator.estimate(finder, pop.records(), 7, 50);
        for (MatchField f : MatchField.values()) {
            assertThat(a.weight(f, MatchLevel.AGREE)).isEqualTo(b.weight(f, MatchLevel.AGREE)).isPositive();
            assertThat(a.weight(f, MatchLevel.DISAGREE)).isNegative();
        }
        double[] pr = precisionRecall(finder.withWeights(a).find(pop.records()), pop);
        System.out.printf("EM: precision %.4f recall %.4f%n", pr[0], pr[1]);
        assertThat(pr[0]).isGreaterThanOrEqualTo(0.98);
        assertThat(pr[1]).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @DisplayName("a pair's reasons are a waterfall ending at its score, naming fields and levels only")
    void reasonsExplainTheScore() {
        MatchRecord a = new MatchRecord("A", "Zhang Wei", null, LocalDate.of(1980, 3, 4), List.of("+86 138 0013 8000"),
                List.of("z.wei@gmail.com"), List.of(), "Shanghai");
        MatchRecord b = new MatchRecord("B", "ＷＥＩ　ＺＨＡＮＧ", null, LocalDate.of(1980, 4, 3), List.of("0086-138-0013-8000"),
                List.of("ZWEI+crm@gmail.com"), List.of(), "shanghai");
        CandidatePair p = DuplicateFinder.ofDefaults().find(List.of(a, b)).pairs().get(0);
        assertThat(p.decision()).isEqualTo(Decision.SAME);
        assertThat(p.reasons()).extracting(Reason::level).containsExactly(MatchLevel.AGREE, MatchLevel.CLOSE,
                MatchLevel.AGREE, MatchLevel.AGREE, MatchLevel.MISSING, MatchLevel.AGREE);
        assertThat(p.reasons().get(p.reasons().size() - 1).total()).isEqualTo(p.score());
        assertThat(p.explain()).startsWith("name agrees +").contains("birth date has day and month swapped")
                .doesNotContain("Zhang").doesNotContain("138");
    }

    @Test
    @DisplayName("the same common name in the same city with different birth dates and phones is not SAME")
    void hardNegativeIsNotSame() {
        MatchRecord a = new MatchRecord("A", "Zhang Wei", null, LocalDate.of(1980, 3, 4), List.of("+8613800138000"), List.of(),
                List.of(Identifier.nationalId("CN", "11010519491231002X")), "Shanghai");
        MatchRecord b = new MatchRecord("B", "Zhang Wei", null, LocalDate.of(1980, 3, 4).plusDays(40), List.of("+8613900139000"),
                List.of(), List.of(), "Shanghai");
        DuplicateIndex index = DuplicateIndex.of(DuplicateFinder.ofDefaults(), List.of(a));
        assertThat(index.candidates(b)).allSatisfy(p -> assertThat(p.decision()).isNotEqualTo(Decision.SAME));
    }

    @Test
    @DisplayName("inline: a new record sharing a phone in another format is found in the index")
    void inlineFindsAnExistingCustomer() {
        DedupPopulation pop = DedupPopulation.generate(2_000, 5);
        DuplicateIndex index = DuplicateIndex.of(DuplicateFinder.ofDefaults(), pop.records());
        MatchRecord first = pop.records().get(0);
        MatchRecord probe = new MatchRecord("NEW", first.legalName(), null, first.birthDate(),
                List.of(first.phones().get(0).replace(" ", "-")), List.of(), List.of(), null);
        List<CandidatePair> c = index.candidates(probe);
        assertThat(c).isNotEmpty();
        assertThat(c.get(0).decision()).isEqualTo(Decision.SAME);
        assertThat(List.of(c.get(0).left(), c.get(0).right())).containsExactlyInAnyOrder("NEW", first.key());
    }
}
