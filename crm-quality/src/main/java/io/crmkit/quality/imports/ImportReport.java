package io.crmkit.quality.imports;

import java.time.Duration;

/**
 * The result of an import run.
 *
 * <p>Immutable and thread-safe.
 *
 * @param jobId the job's id (the checkpoint's)
 * @param fileSha256 the SHA-256 of the input file, hex
 * @param counts the totals, including rows done by earlier runs of the same job
 * @param resumedAtRecord the record the run started from (0 for a fresh run)
 * @param dryRun whether nothing was written
 * @param elapsed the wall time of this run
 */
public record ImportReport(String jobId, String fileSha256, ImportCounts counts, long resumedAtRecord, boolean dryRun,
        Duration elapsed) {
    /** Rows read per second in this run. */
    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (counts.read() - resumedAtRecord) / s;
    }
}
