package io.crmkit.quality.source;

import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a source file record by record in constant memory. A broken record (a JSON line that does
 * not parse, a CSV row with more values than the header has columns, an oversized value) comes back
 * as a {@link SourceRecord} with {@link SourceRecord#errors()} so the caller can reject that one
 * record and go on; a file that cannot be read on at all (CSV quoting broken beyond recovery, an
 * unreadable header) fails with a {@link ValidationException} on field {@code file} naming the line.
 *
 * <p>Not thread-safe: one reader per file and thread.
 */
public interface RecordReader extends Closeable {
    /** Longest single value, in characters. */
    int MAX_VALUE_LENGTH = 10_000;
    /** Most columns (CSV) or keys (JSON) one record may have. */
    int MAX_COLUMNS = 500;
    /** Longest JSON line, in characters. */
    int MAX_LINE_LENGTH = 1_000_000;

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws ValidationException on field {@code file} if the file cannot be read on
     * @throws StoreException if reading fails (I/O)
     */
    @Nullable SourceRecord next();

    /** The column names: the CSV header, or for JSON Lines the keys seen so far in first-seen order. */
    List<String> columns();

    /** Characters consumed so far, for progress. */
    long position();

    @Override
    void close();

    /** A reader of {@code format} over {@code in} (UTF-8). The reader closes the stream. */
    static RecordReader open(SourceFormat format, InputStream in) {
        try {
            return format == SourceFormat.CSV ? new CsvRecordReader(in) : new JsonLinesRecordReader(in);
        } catch (UncheckedIOException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failure is the one to report
        }
    }
}
