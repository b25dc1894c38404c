package io.crmkit.quality.source;

import io.crmkit.core.error.Violation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record read from a source file: where it starts, its values by column, and anything wrong
 * with the record itself (too many values, an unparsable JSON line). Values are as written;
 * absent columns are absent from {@link #values()}.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows the position only.
 *
 * @param index the record's position among the file's records, from 0 (the CSV header is not a record)
 * @param line the 1-based line the record starts on
 * @param values the values by column name (JSON: by key), in column order
 * @param raw the record as read, for the error file: the CSV values in order, or the JSON line's text
 * @param errors what is wrong with the record as a whole, empty when it parsed
 */
public record SourceRecord(long index, long line, Map<String, String> values, List<String> raw, List<Violation> errors) {
    public SourceRecord {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        raw = List.copyOf(raw);
        errors = List.copyOf(errors);
    }

    /** The value of {@code column}, or {@code null} when absent. */
    public @Nullable String get(String column) {
        return values.get(column);
    }

    @Override
    public String toString() {
        return "SourceRecord[index=" + index + ", line=" + line + ", errors=" + errors.size() + ", ***]";
    }
}
