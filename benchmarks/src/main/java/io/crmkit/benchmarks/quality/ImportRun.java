package io.crmkit.benchmarks.quality;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.crmkit.core.Crm;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.quality.imports.CustomerImporter;
import io.crmkit.quality.imports.ImportReport;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.mapping.RowMapper;
import io.crmkit.quality.source.RecordReader;
import io.crmkit.quality.source.SourceFormat;
import io.crmkit.quality.source.SourceRecord;
import io.crmkit.quality.testing.GeneratedFeed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Scale run for the customer import: a generated feed of N rows (1% malformed in six known ways)
 * imported through {@code crm.as(actor)} in chunks, on the in-memory store, an H2 file or an
 * embedded PostgreSQL. Checks that exactly the malformed rows were rejected and that a second run
 * of the same file adds and changes nothing, then prints rows/s, peak heap and the ratio against a
 * baseline measured in the same run: reading and mapping the same file without any store.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.quality.ImportRun [rows] [memory|h2|postgres]</pre>
 *
 * Peak heap is the sum of the heap pools' peaks; with -Xmx256m a run that finishes proves the
 * importer's constant memory (the in-memory store itself holds every customer, so run that one
 * with a larger heap).
 */
public final class ImportRun {
    private ImportRun() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String where = args.length > 1 ? args[1] : "memory";
        Path dir = Files.createTempDirectory("import-run");
        Path feed = dir.resolve("feed.csv");
        List<GeneratedFeed.Expected> bad = GeneratedFeed.write(feed, rows, 1);
        ColumnMapping mapping = ColumnMapping.parse(GeneratedFeed.MAPPING);
        System.out.printf(Locale.ROOT, "%,d rows (%,d malformed), %,d bytes, store %s, max heap %,d MB%n", rows, bad.size(),
                Files.size(feed), where, Runtime.getRuntime().maxMemory() >> 20);

        double[] base1 = timedBaseline(feed, mapping, "baseline before");

        EmbeddedPostgres pg = where.equals("postgres") ? EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start() : null;
        try {
            CrmStore store = switch (where) {
                case "memory" -> io.crmkit.core.memory.InMemoryCrmStore.create();
                case "h2" -> JpaCrmStore.h2File(dir.resolve("crm"), JpaStoreConfig.custom().batchWritesInTransactions(true).jdbcBatchSize(500).build());
                case "postgres" -> JpaCrmStore.create(pg.getPostgresDatabase(), JpaStoreConfig.custom().batchWritesInTransactions(true).jdbcBatchSize(500).build());
                default -> throw new IllegalArgumentException("memory, h2 or postgres");
            };
            Crm crm = Crm.builder().store(store).build();
            resetPeaks();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            ImportReport first = CustomerImporter.custom().chunkSize(1_000).errorFile(dir.resolve("errors.csv")).progressEveryRows(100_000)
                    .listener(p -> System.out.printf(Locale.ROOT, "  %,d read, %,.0f rows/s, eta %s%n", p.read(), p.rowsPerSecond(), p.eta()))
                    .build().run(crm, Actor.system("import-run"), feed, mapping);
            double firstCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long peak = peakHeap();
            System.out.printf(Locale.ROOT, "first run: %s, %.1f s wall = %,.0f rows/s; %.1f s CPU of the importing thread = %,.0f rows/s of CPU; peak heap %,d MB; load %s%n",
                    first.counts(), first.elapsed().toNanos() / 1e9, first.rowsPerSecond(), firstCpu, rows / firstCpu, peak >> 20, load());
            if (first.counts().rejected() != bad.size()) {
                throw new IllegalStateException("rejected " + first.counts().rejected() + ", expected " + bad.size());
            }
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            ImportReport second = CustomerImporter.custom().chunkSize(1_000).errorFile(dir.resolve("errors2.csv")).build()
                    .run(crm, Actor.system("import-run"), feed, mapping);
            double secondCpu = (THREADS.getCurrentThreadCpuTime() - cpu1) / 1e9;
            System.out.printf(Locale.ROOT, "second run: %s, %.1f s wall = %,.0f rows/s; %.1f s CPU = %,.0f rows/s of CPU; load %s%n", second.counts(),
                    second.elapsed().toNanos() / 1e9, second.rowsPerSecond(), secondCpu, rows / secondCpu, load());
            double[] base2 = timedBaseline(feed, mapping, "baseline after");
            // baseline measured before and after the import (B-I-B): the ratio is to their mean
            double baseWall = (base1[0] + base2[0]) / 2;
            double baseCpu = (base1[1] + base2[1]) / 2;
            System.out.printf(Locale.ROOT, "ratio first run / baseline (read + map, no store): wall %.3f, CPU %.3f%n",
                    baseWall / (first.elapsed().toNanos() / 1e9), baseCpu / firstCpu);
            if (second.counts().written() != 0) {
                throw new IllegalStateException("the second run wrote " + second.counts().written());
            }
            if (store instanceof JpaCrmStore j) {
                j.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** {wall seconds, CPU seconds of this thread, rows mapped valid}, printed. */
    private static double[] timedBaseline(Path feed, ColumnMapping mapping, String label) throws Exception {
        long t0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long mapped = baseline(feed, mapping);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "%s (read + map, no store): %,d rows in %.1f s wall = %,.0f rows/s; %.1f s CPU = %,.0f rows/s of CPU; load %s%n",
                label, mapped, wall, mapped / wall, cpu, mapped / cpu, load());
        return new double[] {wall, cpu, mapped};
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long baseline(Path feed, ColumnMapping mapping) throws Exception {
        RowMapper mapper = new RowMapper(mapping, LocalDate.now());
        long n = 0;
        try (RecordReader r = RecordReader.open(SourceFormat.CSV, new BufferedInputStream(Files.newInputStream(feed), 1 << 16))) {
            SourceRecord rec;
            while ((rec = r.next()) != null) {
                if (mapper.map(rec).valid()) {
                    n++;
                }
            }
        }
        return n;
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
