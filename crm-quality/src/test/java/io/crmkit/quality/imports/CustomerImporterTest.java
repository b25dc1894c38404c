package io.crmkit.quality.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.crmkit.core.Crm;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.testing.GeneratedFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerImporterTest {
    static final Actor JOB = Actor.system("feed-import");
    static final ColumnMapping MAPPING = ColumnMapping.parse(GeneratedFeed.MAPPING);

    @TempDir Path dir;

    @Test
    @DisplayName("10k rows with 1% malformed: exactly those rows rejected with their lines, columns and rules; a second run changes nothing")
    void rejectsExactlyTheMalformedRowsAndIsIdempotent() throws IOException {
        Path feed = dir.resolve("feed.csv");
        List<GeneratedFeed.Expected> expected = GeneratedFeed.write(feed, 10_000, 7);
        Crm crm = Crm.builder().build();
        Path errors = dir.resolve("errors.csv");
        AtomicInteger progress = new AtomicInteger();
        ImportReport first = CustomerImporter.custom().errorFile(errors).progressEveryRows(2_500)
                .listener(p -> progress.incrementAndGet()).build().run(crm, JOB, feed, MAPPING);

        assertThat(first.counts().rejected()).isEqualTo(expected.size()).isEqualTo(100);
        assertThat(first.counts().inserted()).isEqualTo(10_000 - 100);
        assertThat(crm.store().customers().count(CustomerQuery.all())).isEqualTo(9_900);
        assertThat(rejections(errors)).containsExactlyElementsOf(expected);
        assertThat(progress.get()).isGreaterThanOrEqualTo(4);

        ImportReport second = CustomerImporter.custom().errorFile(dir.resolve("errors2.csv")).build().run(crm, JOB, feed, MAPPING);
        assertThat(second.counts().inserted()).isZero();
        assertThat(second.counts().updated()).isZero();
        assertThat(second.counts().unchanged()).isEqualTo(9_900);
        assertThat(second.counts().rejected()).isEqualTo(100);
        assertThat(crm.store().customers().count(CustomerQuery.all())).isEqualTo(9_900);
    }

    @Test
    @DisplayName("an update fills blanks in and adds contact points but never overwrites a value with a blank")
    void updateNeverOverwritesWithBlank() throws IOException {
        Crm crm = Crm.builder().build();
        Path a = write("a.csv", "cust_no,name,mobile,email,city\nK1,Zhang Wei,138 0013 8000,zw@Example.COM,SH\n");
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=cust_no\nphone=mobile\nemail=email\ncity=city\n");
        CustomerImporter.ofDefaults().run(crm, JOB, a, m);
        Path b = write("b.csv", "cust_no,name,mobile,email,city\nK1,,+86 139 0013 9000,,\n");
        ImportReport r = CustomerImporter.ofDefaults().run(crm, JOB, b, m);

        assertThat(r.counts().updated()).isEqualTo(1);
        Customer c = crm.store().customers().findByIdentifier(Identifier.external("crm", "K1")).orElseThrow();
        assertThat(c.name().legal()).isEqualTo("Zhang Wei");
        assertThat(c.profile().city()).isEqualTo("SH");
        assertThat(c.contactPoints()).extracting(cp -> cp.type() + ":" + cp.value())
                .containsExactly("PHONE:+8613800138000", "EMAIL:zw@example.com", "PHONE:+8613900139000");
    }

    @Test
    @DisplayName("modes: INSERT rejects a taken key, UPDATE rejects an unknown one, SKIP leaves a match alone")
    void modesFollowTheNaturalKey() throws IOException {
        Crm crm = Crm.builder().build();
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=cust_no\ncity=city\n");
        CustomerImporter.ofDefaults().run(crm, JOB, write("seed.csv", "cust_no,name,city\nK1,Li Na,SH\n"), m);
        Path feed = write("feed.csv", "cust_no,name,city\nK1,Li Na,BJ\nK2,Wang Fang,GZ\n");

        ImportReport insert = CustomerImporter.custom().mode(ImportMode.INSERT).errorFile(dir.resolve("e1.csv")).build().run(crm, JOB, feed, m);
        assertThat(insert.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1));
        assertThat(rejections(dir.resolve("e1.csv"))).containsExactly(new GeneratedFeed.Expected(2, "cust_no", "DuplicateKey"));

        Path feed3 = write("feed3.csv", "cust_no,name,city\nK1,Li Na,BJ\nK3,Zhao Lei,CD\n");
        ImportReport update = CustomerImporter.custom().mode(ImportMode.UPDATE).errorFile(dir.resolve("e2.csv")).build().run(crm, JOB, feed3, m);
        assertThat(update.counts()).isEqualTo(new ImportCounts(2, 0, 1, 0, 0, 1));
        assertThat(rejections(dir.resolve("e2.csv"))).containsExactly(new GeneratedFeed.Expected(3, "cust_no", "NotFound"));

        ImportReport skip = CustomerImporter.custom().mode(ImportMode.SKIP).build().run(crm, JOB, write("f4.csv", "cust_no,name,city\nK1,Li Na,HZ\n"), m);
        assertThat(skip.counts().skipped()).isEqualTo(1);
        assertThat(crm.store().customers().findByIdentifier(Identifier.external("crm", "K1")).orElseThrow().profile().city()).isEqualTo("BJ");
    }

    @Test
    @DisplayName("a chunk's new customers go in as one batch, yet a later row of the chunk sees an earlier row's insert")
    void batchedInsertsKeepRowOrder() throws IOException {
        Crm crm = Crm.builder().build();
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=cust_no\ncity=city\n");
        Path feed = write("feed.csv", "cust_no,name,city\n"
                + "K1,Wang Fang,GZ\n"      // new
                + "K2,Zhao Lei,CD\n"       // new
                + "K1,,BJ\n"               // the customer line 2 inserts, in the same chunk: updated
                + "K3,Zhou Min,HZ\n");     // new
        ImportReport r = CustomerImporter.custom().errorFile(dir.resolve("e.csv")).build().run(crm, JOB, feed, m);

        assertThat(r.counts()).isEqualTo(new ImportCounts(4, 3, 1, 0, 0, 0));
        Customer k1 = crm.store().customers().findByIdentifier(Identifier.external("crm", "K1")).orElseThrow();
        assertThat(k1.profile().city()).isEqualTo("BJ");
        assertThat(k1.name().legal()).isEqualTo("Wang Fang");
        assertThat(crm.store().customers().count(CustomerQuery.all())).isEqualTo(3);

        ImportReport insert = CustomerImporter.custom().mode(ImportMode.INSERT).errorFile(dir.resolve("e2.csv")).build()
                .run(crm, JOB, write("again.csv", "cust_no,name,city\nK4,Wu Jun,SH\nK4,Wu Jun,SZ\n"), m);
        assertThat(insert.counts()).isEqualTo(new ImportCounts(2, 1, 0, 0, 0, 1));
        assertThat(rejections(dir.resolve("e2.csv"))).containsExactly(new GeneratedFeed.Expected(3, "cust_no", "DuplicateKey"));
    }

    @Test
    @DisplayName("a dry run reports the bad rows and writes nothing")
    void dryRunWritesNothing() throws IOException {
        Path feed = dir.resolve("feed.csv");
        List<GeneratedFeed.Expected> expected = GeneratedFeed.write(feed, 1_000, 3);
        Crm crm = Crm.builder().build();
        ImportReport r = CustomerImporter.custom().dryRun(true).errorFile(dir.resolve("e.csv")).build().run(crm, JOB, feed, MAPPING);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.counts().inserted()).isEqualTo(990);
        assertThat(crm.store().customers().count(CustomerQuery.all())).isZero();
        assertThat(rejections(dir.resolve("e.csv"))).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("JSON Lines: an unparsable line and a nested value are rejected with their lines, the rest goes in")
    void jsonLinesRowsAreRejectedOneByOne() throws IOException {
        Crm crm = Crm.builder().build();
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=id\nphone=phone\n");
        Path feed = write("f.jsonl", "{\"id\":\"A1\",\"name\":\"Li Na\",\"phone\":\"13800138000\"}\n\n{not json\n"
                + "{\"id\":\"A2\",\"name\":{\"x\":1}}\n{\"id\":\"A3\",\"name\":\"Zhou Min\"}\n");
        Path errors = dir.resolve("e.jsonl");
        ImportReport r = CustomerImporter.custom().errorFile(errors).build().run(crm, JOB, feed, m);
        assertThat(r.counts()).isEqualTo(new ImportCounts(4, 2, 0, 0, 0, 2));
        List<String> lines = Files.readAllLines(errors);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"_crm_line\":3").contains("JsonSyntax");
        assertThat(lines.get(1)).contains("\"_crm_line\":4").contains("name [Scalar]");
        assertThat(crm.store().customers().findByIdentifier(Identifier.external("crm", "A1")).orElseThrow()
                .contactPoints().get(0)).satisfies(cp -> {
                    assertThat(cp.type()).isEqualTo(ContactPointType.PHONE);
                    assertThat(cp.value()).isEqualTo("+8613800138000");
                });
    }

    @Test
    @DisplayName("the error file re-imports once fixed: its _crm_ columns are ignored")
    void errorFileReimports() throws IOException {
        Crm crm = Crm.builder().build();
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=id\nphone=phone\n");
        Path errors = dir.resolve("e.csv");
        CustomerImporter.custom().errorFile(errors).build().run(crm, JOB, write("f.csv", "id,name,phone\nA1,Li Na,12345\n"), m);
        String fixed = Files.readString(errors).replace("12345", "13800138000");
        ImportReport r = CustomerImporter.ofDefaults().run(crm, JOB, write("fixed.csv", fixed), m);
        assertThat(r.counts().inserted()).isEqualTo(1);
    }

    @Test
    @DisplayName("a checkpoint of another file is refused, naming the checkpoint")
    void refusesForeignCheckpoint() throws IOException {
        Crm crm = Crm.builder().build();
        ColumnMapping m = ColumnMapping.parse("legalName=name\nidentifier.EXTERNAL_SYSTEM.crm=id\n");
        Path cp = dir.resolve("cp.json");
        CustomerImporter.custom().checkpoint(cp).build().run(crm, JOB, write("a.csv", "id,name\nA1,Li Na\n"), m);
        assertThatThrownBy(() -> CustomerImporter.custom().checkpoint(cp).build().run(crm, JOB, write("b.csv", "id,name\nB1,Li Na\n"), m))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("checkpoint")).isTrue());
    }

    @Test
    @DisplayName("a mapping file with an unknown target or no identifier lists every problem")
    void badMappingListsEveryProblem() {
        assertThatThrownBy(() -> ColumnMapping.parse("legalNam=name\noption.phoneRegion=XX\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.rule()).contains("UnknownTarget", "Region", "NaturalKey", "Required"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** (line, first column, first rule) of every error-file row, via Jackson's CSV reader. */
    static List<GeneratedFeed.Expected> rejections(Path errors) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<GeneratedFeed.Expected> out = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(errors.toFile())) {
            it.next();
            while (it.hasNext()) {
                String[] row = it.next();
                String first = row[1].split(" \\| ")[0];
                String column = first.substring(0, first.indexOf(" ["));
                String rule = first.substring(first.indexOf('[') + 1, first.indexOf(']'));
                out.add(new GeneratedFeed.Expected(Long.parseLong(row[0]), column, rule));
            }
        }
        return out;
    }
}
