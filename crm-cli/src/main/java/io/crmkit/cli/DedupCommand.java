package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.core.error.StoreException;
import io.crmkit.quality.dedup.CandidatePair;
import io.crmkit.quality.dedup.DedupResult;
import io.crmkit.quality.dedup.DuplicateFinder;
import io.crmkit.quality.dedup.EmEstimator;
import io.crmkit.quality.dedup.MatchRecord;
import io.crmkit.quality.export.FormulaGuard;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.mapping.MappedRow;
import io.crmkit.quality.mapping.RowMapper;
import io.crmkit.quality.source.RecordReader;
import io.crmkit.quality.source.SourceFormat;
import io.crmkit.quality.source.SourceRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crm-cli dedup}: reads customer rows through a mapping and writes the candidate duplicate
 * pairs as CSV: {@code left_key,right_key,score,decision,reasons}, where the keys are the source's
 * record keys ({@code option.recordKey} of the mapping, else the first identifier column; a row
 * without one is named {@code line-N}). Rows are compared on whatever of them is valid.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true, description = "Find candidate duplicate customers in a file.")
public final class DedupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the input file (.csv, .jsonl)")
    Path file;

    @Option(names = {"-m", "--mapping"}, required = true, paramLabel = "FILE", description = "the column mapping (properties)")
    Path mapping;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the candidate pairs (CSV)")
    Path out;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "the input format (default: from the file name)")
    @Nullable String format;

    @Option(names = "--em", description = "estimate the m/u weights from the file by EM (seed --seed) instead of the defaults")
    boolean em;

    @Option(names = "--seed", defaultValue = "1", description = "the EM seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        SourceFormat fmt = format != null ? SourceFormat.parse(format) : SourceFormat.ofFileName(file.getFileName().toString());
        ColumnMapping m = ColumnMapping.read(mapping);
        String keyColumn = m.recordKey() != null ? m.recordKey() : m.identifiers().get(0).column();
        RowMapper mapper = new RowMapper(m, LocalDate.now());
        List<MatchRecord> records = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try (RecordReader reader = RecordReader.open(fmt, new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            SourceRecord r;
            while ((r = reader.next()) != null) {
                MappedRow row = mapper.map(r);
                String key = r.get(keyColumn);
                if (key == null || key.isBlank() || !keys.add(key.strip())) {
                    key = "line-" + r.line();
                    keys.add(key);
                }
                records.add(MatchRecord.of(key.strip(), row));
            }
        } catch (IOException e) {
            throw new StoreException("the input file cannot be read", false);
        }
        DuplicateFinder finder = DuplicateFinder.custom().phoneRegion(m.phones().defaultRegion()).build();
        if (em) {
            finder = finder.withWeights(EmEstimator.estimate(finder, records, seed, 100));
        }
        DedupResult result = finder.find(records);
        write(result.pairs());
        spec.commandLine().getOut().printf(Locale.ROOT, "%d records, %d comparisons (%.4f%% of all pairs), %d candidate pairs -> %s%n",
                result.stats().records(), result.stats().comparisons(), 100 * result.stats().comparisonRatio(),
                result.pairs().size(), out);
        return CrmCli.OK;
    }

    private void write(List<CandidatePair> pairs) {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                CsvGenerator g = new CsvFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.setSchema(CsvSchema.emptySchema());
            row(g, "left_key", "right_key", "score", "decision", "reasons");
            for (CandidatePair p : pairs) {
                row(g, FormulaGuard.neutralise(p.left()), FormulaGuard.neutralise(p.right()),
                        String.format(Locale.ROOT, "%.2f", p.score()), p.decision().name(), p.explain());
            }
        } catch (IOException e) {
            throw new StoreException("the output file cannot be written", false);
        }
    }

    private static void row(CsvGenerator g, String... values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
