package io.crmkit.quality.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.quality.testing.GeneratedFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's checkpoint against a real crash: the importing JVM is killed ({@code destroyForcibly},
 * SIGKILL) twice at arbitrary points and resumed, and must end in the same state as a run never killed.
 */
class KilledImportResumeTest {
    /** Small so the test stays short on a shared 2-core machine (H2 via JPA, four JVM starts); ImportRun is the scale run. */
    static final int ROWS = 3_000;

    @TempDir Path dir;

    @Test
    @DisplayName("an import on an H2 file killed twice (JVM killed) and resumed ends with the same customers and error file as an uninterrupted run")
    void killedAndResumedEqualsUninterrupted() throws Exception {
        Path feed = dir.resolve("feed.csv");
        List<GeneratedFeed.Expected> expected = GeneratedFeed.write(feed, ROWS, 11);

        ImportReport reference = ImportChild.run(dir.resolve("ref"), feed, dir.resolve("ref.cp.json"), dir.resolve("ref.errors.csv"));
        assertThat(reference.counts().rejected()).isEqualTo(expected.size());

        Path cp = dir.resolve("k.cp.json");
        int kills = 0;
        for (double at : new double[] {0.3, 0.65}) {
            Path log = dir.resolve("child-" + at + ".log");
            Process child = start(dir.resolve("k"), feed, cp, dir.resolve("k.errors.csv"), log);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (child.isAlive() && progress(cp) < at * ROWS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (child.isAlive()) {
                child.destroyForcibly();
                kills++;
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).as("a killed child prints no error").doesNotContain("Exception");
        }
        assertThat(kills).as("the child was killed mid-run").isEqualTo(2);
        Path lastLog = dir.resolve("child-last.log");
        Process last = start(dir.resolve("k"), feed, cp, dir.resolve("k.errors.csv"), lastLog);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(lastLog);
        assertThat(last.exitValue()).as(out).isZero();
        assertThat(out).contains("DONE " + reference.counts());

        assertThat(Files.readString(dir.resolve("k.errors.csv"))).isEqualTo(Files.readString(dir.resolve("ref.errors.csv")));
        assertThat(CustomerImporterTest.rejections(dir.resolve("k.errors.csv"))).containsExactlyElementsOf(expected);
        assertThat(state(dir.resolve("k"))).isEqualTo(state(dir.resolve("ref")));
    }

    private static Process start(Path h2, Path feed, Path cp, Path errors, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
                h2.toString(), feed.toString(), cp.toString(), errors.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long progress(Path cp) {
        try {
            return Checkpoint.read(cp).map(Checkpoint::nextIndex).orElse(0L);
        } catch (RuntimeException partial) {
            return 0;
        }
    }

    /** Everything but ids and timestamps, one line per customer, sorted. */
    private static List<String> state(Path h2) {
        try (JpaCrmStore store = ImportChild.open(h2); Stream<Customer> all = store.customers().stream(CustomerQuery.all())) {
            return all.map(c -> c.identifiers() + "|" + c.name().legal() + "|" + c.name().local() + "|" + c.birthDate() + "|"
                    + c.contactPoints().stream().map(p -> p.type() + ":" + p.value()).toList() + "|" + new java.util.TreeSet<>(c.tags())
                    + "|" + c.profile().city() + "|" + c.lifecycle() + "|v" + c.meta().version()).sorted().toList();
        }
    }

}
