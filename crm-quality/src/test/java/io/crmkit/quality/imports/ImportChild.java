package io.crmkit.quality.imports;

import io.crmkit.core.Crm;
import io.crmkit.core.org.Actor;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.testing.GeneratedFeed;
import java.nio.file.Path;

/**
 * A child JVM for the kill test: imports a feed into an H2 file store with a checkpoint and prints
 * the counts when done. Arguments: h2 file, feed, checkpoint, error file.
 */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        ImportReport r = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        System.out.println("DONE " + r.counts());
    }

    /** The H2 file store; WRITE_DELAY=0 because H2 otherwise flushes commits up to a second later, and a killed JVM loses them. */
    static JpaCrmStore open(Path h2) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + h2.toAbsolutePath() + ";WRITE_DELAY=0");
        ds.setUser("sa");
        return JpaCrmStore.create(ds, JpaStoreConfig.custom().batchWritesInTransactions(true).build());
    }

    static ImportReport run(Path h2, Path feed, Path checkpoint, Path errors) {
        try (JpaCrmStore store = open(h2)) {
            Crm crm = Crm.builder().store(store).build();
            return CustomerImporter.custom().chunkSize(100).checkpoint(checkpoint).errorFile(errors).jobId("kill-test").build()
                    .run(crm, Actor.system("feed-import"), feed, ColumnMapping.parse(GeneratedFeed.MAPPING));
        }
    }
}
