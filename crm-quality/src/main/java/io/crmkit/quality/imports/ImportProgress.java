package io.crmkit.quality.imports;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A progress report during an import.
 *
 * <p>Immutable and thread-safe.
 *
 * @param counts the counts so far (including rows done before a resume)
 * @param rowsPerSecond rows read per second in this run
 * @param fractionDone how much of the file has been read, 0 to 1
 * @param eta the estimated time left, or {@code null} before there is a rate
 */
public record ImportProgress(ImportCounts counts, double rowsPerSecond, double fractionDone, @Nullable Duration eta) {
    public long read() { return counts.read(); }

    public long written() { return counts.written(); }

    public long rejected() { return counts.rejected(); }
}
