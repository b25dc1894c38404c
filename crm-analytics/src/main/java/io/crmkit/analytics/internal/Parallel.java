package io.crmkit.analytics.internal;

import io.crmkit.analytics.ProgressListener;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a row range into chunks and runs them on the common fork-join pool (the calling thread
 * takes part), or in the calling thread when {@code parallelism == 1}.
 *
 * <p>Chunk boundaries depend only on the row count and the chunk size, never on timing, so any
 * per-chunk partial result merged in chunk order is deterministic.
 *
 * <p>Not part of the public API. Stateless and thread-safe.
 */
public final class Parallel {

    /** Rows per chunk: large enough to amortize task overhead, small enough to balance two cores. */
    public static final int DEFAULT_CHUNK = 1 << 16;

    private Parallel() {
    }

    /** Body of a chunk: processes rows {@code [from, to)} as chunk number {@code chunk}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    public static int chunkCount(int rows, int chunkSize) {
        return rows == 0 ? 0 : (int) (((long) rows + chunkSize - 1) / chunkSize);
    }

    /**
     * Runs {@code body} over {@code [0, rows)} in chunks of {@code chunkSize}.
     *
     * @param parallelism 1 to run in the calling thread, more to use the common pool
     */
    public static void forEachChunk(int rows, int chunkSize, int parallelism, String stage,
                                    ProgressListener progress, ChunkBody body) {
        int chunks = chunkCount(rows, chunkSize);
        Reporter reporter = new Reporter(stage, rows, progress);
        if (parallelism <= 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                int from = c * chunkSize;
                int to = (int) Math.min(rows, (long) from + chunkSize);
                body.run(c, from, to);
                reporter.add(to - from);
            }
        } else {
            ForkJoinPool.commonPool().invoke(new Split(body, reporter, rows, chunkSize, 0, chunks));
        }
        reporter.finish();
    }

    private static final class Reporter {
        private final String stage;
        private final long total;
        private final ProgressListener listener;
        private long done;

        Reporter(String stage, long total, ProgressListener listener) {
            this.stage = stage;
            this.total = total;
            this.listener = listener;
        }

        synchronized void add(long rows) {
            done += rows;
            if (done < total) {
                listener.onProgress(stage, done, total);
            }
        }

        synchronized void finish() {
            listener.onProgress(stage, total, total);
        }
    }

    private static final class Split extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient ChunkBody body;
        private final transient Reporter reporter;
        private final int rows;
        private final int chunkSize;
        private final int firstChunk;
        private final int endChunk;

        Split(ChunkBody body, Reporter reporter, int rows, int chunkSize, int firstChunk, int endChunk) {
            this.body = body;
            this.reporter = reporter;
            this.rows = rows;
            this.chunkSize = chunkSize;
            this.firstChunk = firstChunk;
            this.endChunk = endChunk;
        }

        @Override
        protected void compute() {
            if (endChunk - firstChunk == 1) {
                int from = firstChunk * chunkSize;
                int to = (int) Math.min(rows, (long) from + chunkSize);
                body.run(firstChunk, from, to);
                reporter.add(to - from);
                return;
            }
            int mid = (firstChunk + endChunk) >>> 1;
            invokeAll(new Split(body, reporter, rows, chunkSize, firstChunk, mid),
                    new Split(body, reporter, rows, chunkSize, mid, endChunk));
        }
    }
}
