package io.crmkit.cli;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.quality.export.CustomerExporter;
import io.crmkit.quality.source.SourceFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crm-cli export}: the customers the actor may see, to CSV (formulas neutralised) or JSON Lines. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export the customers the actor may see.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin ActorOption actor;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the output file (.csv, .jsonl)")
    Path file;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "the file format (default: from the file name)")
    @Nullable String format;

    @Option(names = "--branch", paramLabel = "UNIT", description = "only this branch")
    @Nullable String branch;

    @Option(names = "--lifecycle", paramLabel = "STAGE", description = "only this lifecycle stage")
    @Nullable LifecycleStage lifecycle;

    @Override
    public Integer call() {
        SourceFormat fmt = format != null ? SourceFormat.parse(format) : SourceFormat.ofFileName(file.getFileName().toString());
        CustomerQuery q = CustomerQuery.all();
        if (branch != null) {
            q = q.branch(OrgUnitId.of(branch));
        }
        if (lifecycle != null) {
            q = q.lifecycle(lifecycle);
        }
        try (JpaCrmStore s = store.open(); OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Crm crm = Crm.builder().store(s).build();
            long n = CustomerExporter.ofDefaults().export(crm.as(actor.actor()), q, fmt, os);
            spec.commandLine().getOut().println("exported " + n + " customers to " + file);
            return CrmCli.OK;
        } catch (IOException e) {
            throw new StoreException("the output file cannot be written", false);
        }
    }
}
