package io.crmkit.quality.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Names for comparison (never for storage). {@link #normalize}: NFKC (full-width forms), accents
 * removed, lower case, punctuation such as {@code , . - ' ·} read as a space, spaces collapsed, and
 * spaces between Han characters dropped ({@code 张 伟} is {@code 张伟}). {@link #tokenKey}: the
 * normalised tokens sorted, so Latin names compare the same whatever their order ("Zhang Wei",
 * "Wei Zhang", "ZHANG, Wei").
 *
 * <p>Stateless and thread-safe.
 */
public final class NameNormalizer {
    private NameNormalizer() {}

    /** The comparison form, or {@code null} when nothing is left. Input longer than {@link Text#MAX_LENGTH} is cut there first. */
    public static @Nullable String normalize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String bounded = raw.length() > Text.MAX_LENGTH ? raw.substring(0, Text.MAX_LENGTH) : raw;
        String nfkc = Normalizer.normalize(bounded, Normalizer.Form.NFKC);
        String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        boolean space = false;
        int prev = -1;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (space && out.length() > 0 && !(isHan(prev) && isHan(cp))) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(Character.toLowerCase(cp));
                prev = cp;
            } else {
                space = true;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The normalised tokens in sorted order joined by one space, or {@code null} when nothing is left. */
    public static @Nullable String tokenKey(@Nullable String raw) {
        String n = normalize(raw);
        if (n == null) {
            return null;
        }
        String[] tokens = n.split(" ");
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /** The normalised tokens, in their written order (empty when nothing is left). */
    public static List<String> tokens(@Nullable String raw) {
        String n = normalize(raw);
        return n == null ? List.of() : new ArrayList<>(List.of(n.split(" ")));
    }

    static boolean isHan(int cp) {
        return cp >= 0 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Lower-case without locale surprises (the Turkish dotless i). */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
