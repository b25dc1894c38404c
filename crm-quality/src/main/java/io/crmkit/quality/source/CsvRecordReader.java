package io.crmkit.quality.source;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CSV through Jackson's streaming {@link CsvParser} (RFC 4180 quoting, multi-line quoted values,
 * CRLF or LF); each record is read as an array so that line numbers, value counts and sizes can be
 * checked here. The first record is the header: names stripped, none blank, none repeated.
 * A row with fewer values than the header leaves the rest absent; one with more is a record error.
 * Empty lines are skipped. Not thread-safe.
 */
final class CsvRecordReader implements RecordReader {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            // A value past this is refused by Jackson itself before it is buffered whole.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_LENGTH).build())
            .build();

    private final CountingReader counting;
    private final CsvParser parser;
    private final List<String> header;
    private long index;
    private boolean started;

    CsvRecordReader(InputStream in) {
        try {
            counting = new CountingReader(new BufferedReader(Utf8.reader(in), 1 << 16));
            parser = FACTORY.createParser(counting);
            parser.setSchema(CsvSchema.emptySchema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Row first = readRow();
        if (first == null) {
            throw ValidationException.of("file", "Header", "the file is empty: a CSV file needs a header row");
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String raw : first.values) {
            String name = raw.strip();
            if (name.isEmpty() || !seen.add(name)) {
                throw ValidationException.of("file", "Header",
                        "line " + first.line + ": column names must be non-blank and distinct");
            }
            names.add(name);
        }
        if (first.tooMany || !first.tooLongAt.isEmpty()) {
            throw ValidationException.of("file", "Header", "line " + first.line + ": at most " + MAX_COLUMNS
                    + " columns of at most " + MAX_VALUE_LENGTH + " characters");
        }
        header = List.copyOf(names);
    }

    private record Row(long line, List<String> values, boolean tooMany, Set<Integer> tooLongAt) {}

    private @Nullable Row readRow() {
        long line = 0;
        try {
            JsonToken t = parser.nextToken();
            if (!started) {
                // WRAP_AS_ARRAY wraps the whole file in one outer array, each row in an inner one.
                started = true;
                if (t != JsonToken.START_ARRAY) {
                    return null;
                }
                t = parser.nextToken();
            }
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            if (t != JsonToken.START_ARRAY) {
                throw syntax(parser.currentTokenLocation().getLineNr());
            }
            List<String> values = new ArrayList<>();
            boolean tooMany = false;
            Set<Integer> tooLongAt = new HashSet<>();
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw syntax(line);
                }
                if (values.isEmpty() && !tooMany) {
                    // The row's START_ARRAY carries the previous row's position; its first value has its own.
                    line = parser.currentTokenLocation().getLineNr();
                }
                String v = parser.getText();
                if (v == null) {
                    v = "";
                }
                if (v.length() > MAX_VALUE_LENGTH) {
                    tooLongAt.add(values.size());
                    v = v.substring(0, MAX_VALUE_LENGTH);
                }
                if (values.size() < MAX_COLUMNS + 1) {
                    values.add(v);
                } else {
                    tooMany = true;
                }
            }
            return new Row(line, values, tooMany, tooLongAt);
        } catch (StreamReadException e) {
            throw syntax(e.getLocation() != null ? e.getLocation().getLineNr() : line);
        } catch (IOException e) {
            throw new StoreException("reading the CSV file failed", false);
        }
    }

    private static ValidationException syntax(long line) {
        return ValidationException.of("file", "CsvSyntax", "line " + line
                + ": the CSV cannot be read on here (an unclosed quote or a value over " + MAX_LINE_LENGTH + " characters)");
    }

    @Override
    public @Nullable SourceRecord next() {
        Row row = readRow();
        if (row == null) {
            return null;
        }
        List<Violation> errors = new ArrayList<>();
        if (row.values.size() > header.size() || row.tooMany) {
            errors.add(Violation.of("", "ColumnCount", "the row has " + (row.tooMany ? "more than " + MAX_COLUMNS
                    : String.valueOf(row.values.size())) + " values but the header has " + header.size() + " columns"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(header.size(), row.values.size()); i++) {
            String v = row.values.get(i);
            if (row.tooLongAt.contains(i)) {
                errors.add(Violation.of(header.get(i), "Size", "must be at most " + MAX_VALUE_LENGTH + " characters"));
            }
            values.put(header.get(i), v);
        }
        return new SourceRecord(index++, row.line, values, row.values, errors);
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public long position() {
        return counting.count();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new StoreException("closing the CSV file failed", false);
        }
    }
}
