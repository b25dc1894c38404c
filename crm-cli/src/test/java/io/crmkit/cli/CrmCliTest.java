package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line on the shipped samples against an H2 file, as an operator would. */
class CrmCliTest {
    static final Path SAMPLES = Path.of("samples");

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("import the sample CSV: bad rows rejected into the error file, a second run changes nothing, export neutralises formulas")
    void importExportRoundTrip() throws Exception {
        Path input = dir.resolve("customers.csv");
        Files.copy(SAMPLES.resolve("customers.csv"), input);
        String db = dir.resolve("crm").toString();
        String mapping = SAMPLES.resolve("customers.mapping.properties").toString();

        Result first = cli("import", input.toString(), "-m", mapping, "--h2", db);
        assertThat(first.code()).as(first.err()).isEqualTo(CrmCli.REJECTED_ROWS);
        assertThat(first.out()).contains("read 9, inserted 7, updated 0, unchanged 0, skipped 0, rejected 2");
        List<String> errors = Files.readAllLines(dir.resolve("customers.csv.errors.csv"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(1)).startsWith("6,\"id_no [CnResidentId]");
        assertThat(errors.get(2)).startsWith("7,\"birth [Date]");

        Files.delete(dir.resolve("customers.csv.checkpoint.json"));
        Result again = cli("import", input.toString(), "-m", mapping, "--h2", db);
        assertThat(again.out()).contains("inserted 0, updated 0, unchanged 7");

        Path export = dir.resolve("out.csv");
        Result ex = cli("export", export.toString(), "--h2", db);
        assertThat(ex.code()).as(ex.err()).isZero();
        assertThat(Files.readString(export)).contains("'=HYPERLINK").contains("'+8613800138000").doesNotContain(",=HYPERLINK");
    }

    @Test
    @DisplayName("merge two imported customers, then unmerge: the duplicate reads as the survivor, and afterwards both are back")
    void mergeThenUnmerge() throws Exception {
        String db = dir.resolve("crm").toString();
        Result imported = cli("import", SAMPLES.resolve("customers.csv").toString(), "-m",
                SAMPLES.resolve("customers.mapping.properties").toString(), "--h2", db,
                "--errors", dir.resolve("e.csv").toString(), "--checkpoint", dir.resolve("c.json").toString());
        assertThat(imported.code()).as(imported.err()).isEqualTo(CrmCli.REJECTED_ROWS);
        List<io.crmkit.core.customer.Customer> all;
        try (io.crmkit.jpa.JpaCrmStore s = io.crmkit.jpa.JpaCrmStore.h2File(Path.of(db))) {
            all = s.customers().find(io.crmkit.core.spi.CustomerQuery.all(), io.crmkit.core.spi.PageRequest.first(10)).items();
        }
        String survivor = all.get(0).id().value();
        String duplicate = all.get(1).id().value();

        Result preview = cli("merge", survivor, duplicate, "--preview", "--h2", db);
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.out()).startsWith("preview: would move");
        Result merged = cli("merge", survivor, duplicate, "--rule", "LEGAL_NAME=DUPLICATE", "--h2", db);
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("merged " + duplicate + " into " + survivor + " as ");
        String mergeId = merged.out().replaceAll("(?s).* as (\\S+);.*", "$1");
        try (io.crmkit.jpa.JpaCrmStore s = io.crmkit.jpa.JpaCrmStore.h2File(Path.of(db))) {
            io.crmkit.core.CrmSession session = io.crmkit.core.Crm.builder().store(s).build().as(io.crmkit.core.org.Actor.system("t"));
            assertThat(session.customers().get(io.crmkit.core.customer.CustomerId.of(duplicate)).id().value()).isEqualTo(survivor);
            assertThat(session.customers().get(io.crmkit.core.customer.CustomerId.of(survivor)).name().legal())
                    .isEqualTo(all.get(1).name().legal());
        }

        Result bad = cli("merge", survivor, duplicate, "--rule", "NAME=WHATEVER", "--h2", db);
        assertThat(bad.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(bad.err()).contains("--rule");
        Result undone = cli("unmerge", mergeId, "--h2", db);
        assertThat(undone.code()).as(undone.err()).isZero();
        try (io.crmkit.jpa.JpaCrmStore s = io.crmkit.jpa.JpaCrmStore.h2File(Path.of(db))) {
            assertThat(s.customers().findById(all.get(1).id()).orElseThrow().identifiers()).isEqualTo(all.get(1).identifiers());
            assertThat(s.customers().findById(all.get(0).id()).orElseThrow().name()).isEqualTo(all.get(0).name());
        }
        Result again = cli("unmerge", mergeId, "--h2", db);
        assertThat(again.code()).isEqualTo(CrmCli.REFUSED);
    }

    @Test
    @DisplayName("dedup the sample CSV: the planted duplicates come out SAME with reasons, the other Zhang Wei does not")
    void dedupFindsThePlantedPairs() throws Exception {
        Path pairs = dir.resolve("pairs.csv");
        Result r = cli("dedup", SAMPLES.resolve("customers.csv").toString(), "-m",
                SAMPLES.resolve("customers.mapping.properties").toString(), "-o", pairs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(pairs);
        assertThat(lines.get(0)).isEqualTo("left_key,right_key,score,decision,reasons");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("C0001,C0006,").contains(",SAME,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("C0002,C0007,").contains(",SAME,").contains("swapped"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("C0001,C0008,").contains(",SAME,"));
    }

    @Test
    @DisplayName("a bad mapping file is refused with exit code 3 naming the entry, and nothing is imported")
    void badMappingIsRefused() throws Exception {
        Path mapping = dir.resolve("bad.properties");
        Files.writeString(mapping, "legalName = name\nnationality = x\n");
        Result r = cli("import", SAMPLES.resolve("customers.csv").toString(), "-m", mapping.toString(), "--h2", dir.resolve("db").toString());
        assertThat(r.code()).isEqualTo(CrmCli.REFUSED);
        assertThat(r.err()).contains("mapping.nationality [UnknownTarget]").contains("[NaturalKey]");
    }

    @Test
    @DisplayName("usage errors exit 2; --help lists the commands")
    void usage() {
        assertThat(cli("import").code()).isEqualTo(CrmCli.USAGE);
        assertThat(cli("--help").out()).contains("import").contains("export").contains("dedup");
    }
}
