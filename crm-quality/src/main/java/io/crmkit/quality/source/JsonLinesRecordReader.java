package io.crmkit.quality.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines: each non-blank line is one JSON object whose values are scalars (text, numbers,
 * booleans) or null; nested objects or arrays are a record error on that key. The line is parsed
 * with Jackson under tight limits (depth, string length); a line that is not a JSON object, or is
 * longer than {@link #MAX_LINE_LENGTH}, is a record error and reading goes on with the next line.
 * Lines are split here on LF (a CR before it is dropped), which is all JSON Lines asks.
 * Not thread-safe.
 */
final class JsonLinesRecordReader implements RecordReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                    .maxStringLength(MAX_LINE_LENGTH).maxNumberLength(1000).build())
            .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final CountingReader in;
    private final Set<String> columns = new LinkedHashSet<>();
    private final StringBuilder buf = new StringBuilder();
    private long line;
    private long index;

    JsonLinesRecordReader(InputStream stream) {
        try {
            in = new CountingReader(new BufferedReader(Utf8.reader(stream), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public @Nullable SourceRecord next() {
        while (true) {
            boolean tooLong = readLine();
            if (tooLong) {
                return new SourceRecord(index++, line, Map.of(), List.of(""), List.of(Violation.of("", "LineLength",
                        "the line is longer than " + MAX_LINE_LENGTH + " characters")));
            }
            if (buf.length() == 0 && eof) {
                return null;
            }
            String text = buf.toString();
            if (text.isBlank()) {
                if (eof) {
                    return null;
                }
                continue;
            }
            return parse(text);
        }
    }

    private boolean eof;

    /** Reads one line into {@link #buf}; true when it was longer than the limit (the rest is skipped). */
    private boolean readLine() {
        buf.setLength(0);
        boolean tooLong = false;
        try {
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (buf.length() < MAX_LINE_LENGTH) {
                    buf.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c < 0) {
                eof = true;
            }
            if (any) {
                line++;
            }
        } catch (IOException e) {
            throw new StoreException("reading the JSON Lines file failed", false);
        }
        if (buf.length() > 0 && buf.charAt(buf.length() - 1) == '\r') {
            buf.setLength(buf.length() - 1);
        }
        return tooLong;
    }

    private SourceRecord parse(String text) {
        List<Violation> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                errors.add(Violation.of("", "JsonObject", "the line must be one JSON object"));
            } else if (node.size() > MAX_COLUMNS) {
                errors.add(Violation.of("", "ColumnCount", "the object has more than " + MAX_COLUMNS + " keys"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String key = f.getKey();
                    JsonNode v = f.getValue();
                    if (key.length() > 200) {
                        errors.add(Violation.of("", "KeyLength", "keys must be at most 200 characters"));
                        continue;
                    }
                    if (columns.size() < MAX_COLUMNS) {
                        columns.add(key);
                    }
                    if (v.isContainerNode()) {
                        errors.add(Violation.of(key, "Scalar", "must be text, a number, a boolean or null"));
                    } else if (!v.isNull()) {
                        String s = v.asText();
                        if (s.length() > MAX_VALUE_LENGTH) {
                            errors.add(Violation.of(key, "Size", "must be at most " + MAX_VALUE_LENGTH + " characters"));
                        } else {
                            values.put(key, s);
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            errors.add(Violation.of("", "JsonSyntax", "the line is not valid JSON"));
        }
        return new SourceRecord(index++, line, values, List.of(text), errors);
    }

    @Override
    public List<String> columns() {
        return List.copyOf(columns);
    }

    @Override
    public long position() {
        return in.count();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new StoreException("closing the JSON Lines file failed", false);
        }
    }

}
