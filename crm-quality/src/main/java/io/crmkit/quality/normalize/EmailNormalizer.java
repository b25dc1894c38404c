package io.crmkit.quality.normalize;

import io.crmkit.core.error.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

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
        if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
            throw ValidationException.of(field, "Email", "must be an email address");
        }
        int at = text.lastIndexOf('@');
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
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
