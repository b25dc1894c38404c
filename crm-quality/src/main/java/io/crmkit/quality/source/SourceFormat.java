package io.crmkit.quality.source;

import io.crmkit.core.error.ValidationException;
import java.util.Locale;

/** The file formats the importer reads and the exporter writes. */
public enum SourceFormat {
    /** RFC 4180 CSV with a header row, UTF-8 (a byte-order mark is skipped), read with Jackson's CSV module. */
    CSV,
    /** JSON Lines: one flat JSON object per line, UTF-8; blank lines are skipped. */
    JSONL;

    /** {@code csv}, {@code jsonl} or {@code ndjson}, any case. @throws ValidationException otherwise */
    public static SourceFormat parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "csv" -> CSV;
            case "jsonl", "ndjson", "json-lines" -> JSONL;
            default -> throw ValidationException.of("format", "Format", "must be csv or jsonl");
        };
    }

    /** The format a file name suggests: {@code .jsonl}/{@code .ndjson} is JSON Lines, anything else CSV. */
    public static SourceFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSONL : CSV;
    }
}
