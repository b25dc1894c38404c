package io.crmkit.quality.export;

import org.jspecify.annotations.Nullable;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a value beginning with
 * {@code = + - @}, a tab or a carriage return is prefixed with {@code '}, so Excel, LibreOffice and
 * Google Sheets show it as text instead of evaluating it. The importer strips that {@code '} again
 * (see {@link io.crmkit.quality.mapping.RowMapper}), so exported files re-import unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    /** {@code value}, prefixed with {@code '} when it could start a formula; {@code null} stays {@code null}. */
    public static @Nullable String neutralise(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
