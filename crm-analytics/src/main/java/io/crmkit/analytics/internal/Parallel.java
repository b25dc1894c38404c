package io.crmkit.analytics.internal;

import io.crmkit.analytics.ProgressListener;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a row range into chunks and runs them on the common fork-join pool (the calling thread
 * takes part), or in the calling thread when {@code parallelism == 1}. Progress is reported after
 * each chunk, serialized, unless the listener is {@link ProgressListener#none()}.
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
     * <p>With more than one worker, {@code parallelism - 1} tasks go to the common fork-join pool
     * and the calling thread works too; every worker takes the next chunk from a shared counter
     * until none is left. That costs one task per worker rather than one per chunk, which matters
     * on a small machine where waking pool threads is not free.
     *
     * @param parallelism 1 to run in the calling thread, more to use the common pool
     */
    public static void forEachChunk(int rows, int chunkSize, int parallelism, String stage,
                                    ProgressListener progress, ChunkBody body) {
        int chunks = chunkCount(rows, chunkSize);
        Reporter reporter = progress == ProgressListener.none() ? null : new Reporter(stage, rows, progress);
        int workers = Math.min(parallelism, chunks);
        if (workers <= 1) {
            for (int c = 0; c < chunks; c++) {
                runChunk(c, rows, chunkSize, body, reporter);
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            Runnable work = () -> {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    runChunk(c, rows, chunkSize, body, reporter);
                }
            };
            ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[workers - 1];
            for (int w = 0; w < helpers.length; w++) {
                helpers[w] = ForkJoinPool.commonPool().submit(work);
            }
            RuntimeException failure = null;
            try {
                work.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (ForkJoinTask<?> h : helpers) {
                try {
                    h.join();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        if (reporter != null) {
            reporter.finish();
        }
    }

    /**
     * Allocates {@code count} byte arrays of {@code length}, spread over the workers when they are
     * large: the JVM zeroes a new array in the allocating thread, which for the outputs of a
     * ten-million-row run is milliseconds of one core while the other waits.
     */
    public static byte[][] newByteArrays(int count, int length, int parallelism) {
        byte[][] out = new byte[count][];
        if (length < (1 << 20) || parallelism == 1) {
            for (int i = 0; i < count; i++) {
                out[i] = new byte[length];
            }
        } else {
            forEachChunk(count, 1, parallelism, "allocate", ProgressListener.none(),
                    (c, from, to) -> out[c] = new byte[length]);
        }
        return out;
    }

    private static void runChunk(int c, int rows, int chunkSize, ChunkBody body, Reporter reporter) {
        int from = c * chunkSize;
        int to = (int) Math.min(rows, (long) from + chunkSize);
        body.run(c, from, to);
        if (reporter != null) {
            reporter.add(to - from);
        }
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
}
