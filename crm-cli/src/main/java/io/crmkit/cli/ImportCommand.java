package io.crmkit.cli;

import io.crmkit.core.Crm;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.quality.imports.CustomerImporter;
import io.crmkit.quality.imports.ImportMode;
import io.crmkit.quality.imports.ImportReport;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.source.SourceFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crm-cli import}: customers from CSV or JSON Lines, resumable, rejected rows to an error file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import customers from CSV or JSON Lines. Rerun the same command to resume after a crash.")
public final class ImportCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ActorOption actor;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the input file (.csv, .jsonl)")
    Path file;

    @Option(names = {"-m", "--mapping"}, required = true, paramLabel = "FILE", description = "the column mapping (properties)")
    Path mapping;

    @Option(names = "--mode", defaultValue = "UPSERT", description = "INSERT, UPDATE, UPSERT or SKIP (default ${DEFAULT-VALUE})")
    ImportMode mode;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "the file format (default: from the file name)")
    @Nullable String format;

    @Option(names = "--errors", paramLabel = "FILE", description = "rejected rows (default: FILE.errors.<ext>)")
    @Nullable Path errors;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "checkpoint for resuming (default: FILE.checkpoint.json)")
    @Nullable Path checkpoint;

    @Option(names = "--chunk", defaultValue = "500", description = "rows per transaction (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--dry-run", description = "check every row and write the error file, but change nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        SourceFormat fmt = format != null ? SourceFormat.parse(format) : SourceFormat.ofFileName(file.getFileName().toString());
        String ext = fmt == SourceFormat.CSV ? "csv" : "jsonl";
        Path err = errors != null ? errors : file.resolveSibling(file.getFileName() + ".errors." + ext);
        Path cp = checkpoint != null ? checkpoint : file.resolveSibling(file.getFileName() + ".checkpoint.json");
        ColumnMapping m = ColumnMapping.read(mapping);
        PrintWriter out = spec.commandLine().getOut();
        try (JpaCrmStore s = store.open()) {
            Crm crm = Crm.builder().store(s).build();
            ImportReport r = CustomerImporter.custom().mode(mode).chunkSize(chunk).dryRun(dryRun).errorFile(err)
                    .checkpoint(cp).progressEveryRows(50_000)
                    .listener(p -> out.printf(Locale.ROOT, "read %,d  written %,d  rejected %,d  %,.0f rows/s  eta %s%n",
                            p.read(), p.written(), p.rejected(), p.rowsPerSecond(), p.eta() == null ? "-" : p.eta().toSeconds() + "s"))
                    .build().run(crm, actor.actor(), file, fmt, m);
            out.printf(Locale.ROOT, "%s: read %d, inserted %d, updated %d, unchanged %d, skipped %d, rejected %d%s%n",
                    r.jobId(), r.counts().read(), r.counts().inserted(), r.counts().updated(), r.counts().unchanged(),
                    r.counts().skipped(), r.counts().rejected(), dryRun ? " (dry run: nothing written)" : "");
            if (r.counts().rejected() > 0) {
                out.println("rejected rows: " + err);
                return CrmCli.REJECTED_ROWS;
            }
            return CrmCli.OK;
        }
    }
}
