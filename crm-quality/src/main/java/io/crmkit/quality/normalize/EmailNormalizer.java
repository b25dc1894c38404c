package io.crmkit.quality.normalize;

import io.crmkit.core.error.ValidationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses in two forms. {@link #normalize} is what is stored: NFKC, stripped, the domain
 * lower-cased (the local part is left as given, since some servers treat it case-sensitively).
 * {@link #canonical} is what duplicate detection compares: all lower-case, and for Gmail
 * addresses the dots and any {@code +tag} of the local part removed, since Gmail delivers
 * {@code z.wei+crm@gmail.com} to {@code zwei@gmail.com}.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmailNormalizer {
    private EmailNormalizer() {}

    /**
     * The address to store, or {@code null} when blank.
     *
     * @throws ValidationException on {@code field}, rule {@code Email}, if it is not an address
     */
    public static @Nullable String normalize(@Nullable String raw, String field) {
        String text = Text.clean(raw, field);
        if (text == null) {
            return null;
        }
        if (text.length() > 254 || !isAddress(text)) {
            throw ValidationException.of(field, "Email", "must be an email address");
        }
        int at = text.lastIndexOf('@');
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code s} reads {@code [^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+} (the rule this class has
     * always applied), checked in one pass without a regex: one {@code @} after 1 to 64 characters
     * (code points) and before at least two non-empty dot-separated labels, no whitespace.
     */
    static boolean isAddress(String s) {
        int at = s.indexOf('@');
        if (at < 1 || s.codePointCount(0, at) > 64) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            if (isRegexSpace(s.charAt(i))) {
                return false;
            }
        }
        int labels = 0;
        int label = 0;
        for (int i = at + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@' || isRegexSpace(c)) {
                return false;
            }
            if (c != '.') {
                label++;
            } else if (label == 0) {
                return false;
            } else {
                labels++;
                label = 0;
            }
        }
        return label > 0 && labels >= 1;
    }

    /** {@code \s} of a Java regex without flags. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The comparison form of an address already accepted by {@link #normalize}, or {@code null} for {@code null}. */
    public static @Nullable String canonical(@Nullable String normalized) {
        if (normalized == null) {
            return null;
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(0, plus);
            }
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
