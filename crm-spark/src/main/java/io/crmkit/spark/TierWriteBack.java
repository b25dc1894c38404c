package io.crmkit.spark;

import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.TierChangeReason;
import io.crmkit.core.CrmSession;
import io.crmkit.spark.internal.SparkChecks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Brings the tier changes of a {@link TierAssignerModel} output back to the CRM: either as a
 * DataFrame of changes for the host to load ({@link #changes}), or written through crm-core, batch
 * by batch, each batch in one transaction of the session, every change an assignment by rule through
 * {@link CoreTierSync#writeChange} (so the history, the interceptors, the access policy and the
 * tier-changed event all apply, as for an in-memory run). Changes made by overrides are already in
 * the history and are not written. The rows stream to the driver one partition at a time
 * ({@code toLocalIterator}), so the driver holds one partition, not the whole result.
 *
 * <p>Scores have no store in crm-core's SPI: they leave Spark as DataFrame columns for the host to
 * load. Thread-safe if the session is.
 */
public final class TierWriteBack {

    private final CrmSession session;
    private final CoreTierSync sync;
    private final int batchSize;

    private TierWriteBack(CrmSession session, CoreTierSync sync, int batchSize) {
        this.session = session;
        this.sync = sync;
        this.batchSize = batchSize;
    }

    /**
     * @param session   the writer, e.g. {@code crm.as(Actor.system("nightly-tiering"))}
     * @param sync      the same session's tier sync ({@code CoreTierSync.of(session, crm.store())})
     * @param batchSize changes per transaction, 1 to 100,000
     */
    public static TierWriteBack of(CrmSession session, CoreTierSync sync, int batchSize) {
        if (session == null || sync == null) {
            throw SparkChecks.invalid("session", "NotNull", "session and sync must not be null");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw SparkChecks.invalid("batchSize", "Range", "must be between 1 and 100000 (was " + batchSize + ")");
        }
        return new TierWriteBack(session, sync, batchSize);
    }

    /**
     * The rule-driven changes of a tiered DataFrame: customer key, from, to, reason, detail.
     *
     * @param tiered      the output of a {@link TierAssignerModel}
     * @param keyCol      the column holding each row's CRM customer key ({@code CustomerId} text)
     * @param previousCol the column of last period's tier (empty: none)
     * @param prefix      the model's output prefix, e.g. {@code tier_}
     */
    public static Dataset<Row> changes(Dataset<?> tiered, String keyCol, String previousCol, String prefix) {
        SparkChecks.stringColumn(tiered.schema(), keyCol, "keyCol");
        Column from = previousCol == null || previousCol.isEmpty() ? functions.lit(null).cast("string")
                : functions.col("`" + previousCol + "`");
        return tiered.toDF()
                .where(functions.col(prefix + "changed")
                        .and(functions.col(prefix + "reason").notEqual(TierChangeReason.OVERRIDE.name())))
                .select(functions.col("`" + keyCol + "`").as("customer_key"), from.as("from_tier"),
                        functions.col(prefix + "code").as("to_tier"), functions.col(prefix + "reason").as("reason"),
                        functions.col(prefix + "detail").as("detail"));
    }

    /**
     * Writes the changes of {@link #changes} through crm-core.
     *
     * @return the number of assignments written (the service skips unchanged tiers)
     */
    public long write(Dataset<?> tiered, String keyCol, String previousCol, String prefix) {
        Iterator<Row> it = changes(tiered, keyCol, previousCol, prefix).toLocalIterator();
        long written = 0;
        List<Row> batch = new ArrayList<>(Math.min(batchSize, 4096));
        while (it.hasNext()) {
            batch.add(it.next());
            if (batch.size() == batchSize || !it.hasNext()) {
                List<Row> work = batch;
                written += session.inTransaction(() -> {
                    long n = 0;
                    for (Row r : work) {
                        n += sync.writeChange(r.getString(0), r.getString(2), r.getString(4)) ? 1 : 0;
                    }
                    return n;
                });
                batch = new ArrayList<>(Math.min(batchSize, 4096));
            }
        }
        return written;
    }
}
