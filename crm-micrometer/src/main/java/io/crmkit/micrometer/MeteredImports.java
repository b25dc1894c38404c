package io.crmkit.micrometer;

import io.crmkit.quality.imports.ImportCounts;
import io.crmkit.quality.imports.ImportListener;
import io.crmkit.quality.imports.ImportProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Import rows for Micrometer: an {@link ImportListener} (crm-quality) that counts the rows of an
 * import run by outcome ({@value #ROWS}, tag {@code outcome}: inserted, updated, unchanged, skipped,
 * rejected) as its progress reports arrive, then passes each report on. One instance per run: it
 * counts the growth between reports; the counts of a resumed run start from its checkpoint, so its
 * first report also counts the rows of the runs before it.
 *
 * <pre>{@code
 * CustomerImporter.custom().listener(MeteredImports.of(registry, p -> { })).build().run(crm, actor, file, mapping);
 * }</pre>
 *
 * <p>Thread-safe. Needs crm-quality on the class path (an optional dependency of this module).
 */
public final class MeteredImports implements ImportListener {
    /** Counter of imported rows by outcome. */
    public static final String ROWS = "crmkit.import.rows";

    private final Counter inserted;
    private final Counter updated;
    private final Counter unchanged;
    private final Counter skipped;
    private final Counter rejected;
    private final ImportListener next;
    private ImportCounts seen = new ImportCounts(0, 0, 0, 0, 0, 0);

    private MeteredImports(MeterRegistry registry, ImportListener next) {
        this.inserted = counter(registry, "inserted");
        this.updated = counter(registry, "updated");
        this.unchanged = counter(registry, "unchanged");
        this.skipped = counter(registry, "skipped");
        this.rejected = counter(registry, "rejected");
        this.next = next;
    }

    /** Counts one import run's rows into {@code registry}, passing every report on to {@code next}. */
    public static MeteredImports of(MeterRegistry registry, ImportListener next) {
        if (registry == null || next == null) {
            throw new IllegalArgumentException("registry and next are required");
        }
        return new MeteredImports(registry, next);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(ROWS).tag("outcome", outcome).description("rows of customer imports by outcome").register(registry);
    }

    @Override
    public void onProgress(ImportProgress progress) {
        synchronized (this) {
            ImportCounts now = progress.counts();
            inserted.increment(Math.max(0, now.inserted() - seen.inserted()));
            updated.increment(Math.max(0, now.updated() - seen.updated()));
            unchanged.increment(Math.max(0, now.unchanged() - seen.unchanged()));
            skipped.increment(Math.max(0, now.skipped() - seen.skipped()));
            rejected.increment(Math.max(0, now.rejected() - seen.rejected()));
            seen = now;
        }
        next.onProgress(progress);
    }

    @Override
    public String toString() {
        return "MeteredImports[" + next + "]";
    }
}
