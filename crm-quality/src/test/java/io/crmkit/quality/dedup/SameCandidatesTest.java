package io.crmkit.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.quality.testing.CandidateDigest;
import io.crmkit.quality.testing.DedupPopulation;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The faster batch run finds exactly the pairs it found before: the candidate pairs of a generated
 * population digest to the value the implementation of commit 8abbd06 (before the phone fast path,
 * the key hashes without key strings and the parallel scoring) gave for the same population, and
 * the blocking keys hash as their written text did.
 */
class SameCandidatesTest {
    /** SHA-256 of the 1,779 candidate pairs of {@code DedupPopulation.generate(20_000, 42)} at commit 8abbd06 (DedupRun's digest). */
    private static final String BEFORE = "d3d67f4fd272a95e97389e9d9aaea77b55ac292c40b91975b88a96902c74d353";

    @Test
    @DisplayName("20k customers: the same 1,779 candidate pairs, scores, decisions and reasons as before, run after run")
    void sameCandidatePairsAsBefore() throws Exception {
        DedupPopulation pop = DedupPopulation.generate(20_000, 42);
        DuplicateFinder finder = DuplicateFinder.ofDefaults();
        DedupResult first = finder.find(pop.records());
        assertThat(first.pairs()).hasSize(1_779);
        assertThat(first.stats().comparisons()).isEqualTo(1_951);
        assertThat(CandidateDigest.of(first.pairs())).isEqualTo(BEFORE);
        assertThat(finder.find(pop.records()).pairs()).isEqualTo(first.pairs());
    }

    /** The hash the keys had when each was a string: 64-bit FNV-1a of its UTF-8 bytes, folded to 40 bits. */
    private static long written(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return (h ^ (h >>> 40)) & ((1L << 40) - 1);
    }

    @Test
    @DisplayName("a key hashed part by part equals the hash of its written UTF-8 text, for any characters, surrogates included")
    void keyHashEqualsTheWrittenKey() {
        SplittableRandom rnd = new SplittableRandom(3);
        char[] alphabet = {'a', 'Z', '0', '|', ' ', '@', 'é', 'ß', '张', '伟', '\uFF21', '\uD83D', '\uDE00', '\uD840', '\uDC00', '\u07FF',
            '\u0800', '\uFFFF', '\u007F', '\u0080'};
        for (int i = 0; i < 20_000; i++) {
            String a = random(rnd, alphabet);
            String b = random(rnd, alphabet);
            assertThat(KeyHash.of('P', a)).isEqualTo(written("P" + a));
            assertThat(KeyHash.of('N', a, b)).isEqualTo(written("N" + a + "|" + b));
            assertThat(KeyHash.of(a)).isEqualTo(written(a));
        }
    }

    private static String random(SplittableRandom rnd, char[] alphabet) {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(alphabet[rnd.nextInt(alphabet.length)]);
        }
        return s.toString();
    }
}
