package io.crmkit.quality.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.Violation;
import io.crmkit.quality.source.SourceFormat;
import io.crmkit.quality.source.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rejected rows, in the input's own format so they can be fixed and imported again: each row as
 * it was read plus two columns (CSV: the first two; JSON Lines: two keys) {@code _crm_line} (its line
 * in the input) and {@code _crm_errors} ({@code column [Rule]: message}, joined by {@code " | "}).
 * The importer never reads {@code _crm_} columns. Values are written as they came, not neutralised
 * against spreadsheet formulas: the file is for fixing and re-importing.
 *
 * <p>Not thread-safe.
 */
final class ErrorFile implements AutoCloseable {
    private static final CsvFactory CSV = new CsvFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SourceFormat format;
    private final FileChannel channel;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);

    private ErrorFile(SourceFormat format, FileChannel channel) {
        this.format = format;
        this.channel = channel;
    }

    /** Opens {@code file}, cut to {@code keepBytes} (0: a fresh file, whose CSV header is written from {@code columns}). */
    static ErrorFile open(Path file, SourceFormat format, long keepBytes, List<String> columns) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            if (ch.size() < keepBytes) {
                ch.close();
                throw new StoreException("the error file is shorter than its checkpoint says; it was changed outside the import", false);
            }
            ch.truncate(keepBytes);
            ch.position(keepBytes);
            ErrorFile f = new ErrorFile(format, ch);
            if (keepBytes == 0 && format == SourceFormat.CSV) {
                String[] header = new String[columns.size() + 2];
                header[0] = "_crm_line";
                header[1] = "_crm_errors";
                for (int i = 0; i < columns.size(); i++) {
                    header[i + 2] = columns.get(i);
                }
                f.csvRow(header);
                f.flush(true);
            }
            return f;
        } catch (IOException e) {
            throw new StoreException("the error file cannot be opened", false);
        }
    }

    /** Queues one rejected record; {@link #flush} writes it. */
    void add(SourceRecord record, List<Violation> violations) {
        String errors = violations.stream().map(Violation::toString).collect(Collectors.joining(" | "));
        try {
            if (format == SourceFormat.CSV) {
                String[] row = new String[record.raw().size() + 2];
                row[0] = Long.toString(record.line());
                row[1] = errors;
                for (int i = 0; i < record.raw().size(); i++) {
                    row[i + 2] = record.raw().get(i);
                }
                csvRow(row);
            } else {
                ObjectNode node = JSON.createObjectNode();
                node.put("_crm_line", record.line());
                node.put("_crm_errors", errors);
                try {
                    var parsed = JSON.readTree(record.raw().get(0));
                    if (parsed != null && parsed.isObject()) {
                        node.setAll((ObjectNode) parsed);
                    } else {
                        node.put("_crm_raw", record.raw().get(0));
                    }
                } catch (IOException notJson) {
                    node.put("_crm_raw", record.raw().get(0));
                }
                buf.write(JSON.writeValueAsBytes(node));
                buf.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("the error file cannot be written", false);
        }
    }

    private void csvRow(String[] values) throws IOException {
        try (CsvGenerator g = CSV.createGenerator(buf)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setSchema(CsvSchema.emptySchema());
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** Writes what is queued; with {@code force}, to the disk. Returns the file's length. */
    long flush(boolean force) {
        try {
            if (buf.size() > 0) {
                ByteBuffer b = ByteBuffer.wrap(buf.toByteArray());
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                buf.reset();
            }
            if (force) {
                channel.force(false);
            }
            return channel.position();
        } catch (IOException e) {
            throw new StoreException("the error file cannot be written", false);
        }
    }

    /** Drops whatever is queued and cuts the file back to {@code length}. */
    void rewind(long length) {
        buf.reset();
        try {
            channel.truncate(length);
            channel.position(length);
        } catch (IOException e) {
            throw new StoreException("the error file cannot be written", false);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException("the error file cannot be closed", false);
        }
    }

}
