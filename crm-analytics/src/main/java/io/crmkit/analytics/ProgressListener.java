package io.crmkit.analytics;

/**
 * Receives progress of a long analytics run, for a log line or a progress bar.
 *
 * <p>Engines call {@link #onProgress} after each completed chunk of rows and once at the end of
 * every stage with {@code done == total}. Calls for one run are serialized by the engine (never
 * concurrent) but may come from a worker thread. Implementations must be quick and must not
 * throw; an exception thrown by a listener aborts the run and propagates to the caller.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param stage short stable name of the stage, e.g. {@code "rfm"} or {@code "tiers"}
     * @param done  rows finished in this stage so far
     * @param total rows in this stage
     */
    void onProgress(String stage, long done, long total);

    /** The listener that ignores progress; always the same instance. */
    static ProgressListener none() {
        return SilentProgress.INSTANCE;
    }
}
