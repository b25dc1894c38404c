package io.crmkit.quality.normalize;

import io.crmkit.core.error.ValidationException;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Text clean-up shared by the normalisers: Unicode NFKC (full-width letters and digits become
 * their ASCII forms, so {@code Ｚｈａｎｇ} and {@code Zhang} compare equal), whitespace collapsed,
 * and a length bound checked before any work is done on outside input.
 *
 * <p>Stateless and thread-safe.
 */
public final class Text {
    /** The longest text any normaliser accepts, in characters; longer input is refused before it is touched. */
    public static final int MAX_LENGTH = 1_000;

    private Text() {}

    /** NFKC, whitespace (including the ideographic space) collapsed to one ASCII space, stripped; blank gives {@code null}. */
    public static @Nullable String clean(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "Size", "must be at most " + MAX_LENGTH + " characters");
        }
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (Character.isISOControl(c)) {
                throw ValidationException.of(field, "NoControlCharacters", "must not contain control characters");
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
