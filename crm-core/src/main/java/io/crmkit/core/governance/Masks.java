package io.crmkit.core.governance;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.PostalAddress;

/**
 * Display helpers that mask personal values the way the role masks ({@link FieldMask}) do on every
 * read path, for screens, letters and exports a host builds itself:
 *
 * <pre>{@code
 * Masks.phone("13812345678")          // 138****5678
 * Masks.phone("+8613812345678")       // +86*******5678
 * Masks.nationalId("110101199003071234") // 110***********1234
 * Masks.email("zhang.wei@example.com")   // z***@example.com
 * }</pre>
 *
 * <p>Every helper keeps at least three stars, so a masked value never equals the original; short
 * values keep fewer characters. Stateless and thread-safe.
 */
public final class Masks {
    /** The character that stands for a hidden one. */
    public static final char STAR = '*';

    private Masks() {
    }

    /**
     * A phone number with its head and last 4 digits kept: an international number keeps its
     * country prefix ({@code +86}, {@code +85x}, else up to 3 characters), a national one its first
     * 3 digits. Spaces and dashes are removed first.
     */
    public static String phone(String phone) {
        String v = Check.notBlank(phone, "phone", 64).replace(" ", "").replace("-", "");
        int head;
        if (v.startsWith("+")) {
            head = v.startsWith("+86") || v.startsWith("+85") ? 3 : Math.min(3, v.length() - 1);
        } else {
            head = 3;
        }
        return keep(v, head, 4);
    }

    /** An identity document's number with its first 3 and last 4 characters kept, for example {@code 110***********1234}. */
    public static String nationalId(String value) {
        return keep(Check.notBlank(value, "value", 64).strip(), 3, 4);
    }

    /** An email address with the first character of the local part and the whole domain kept. */
    public static String email(String email) {
        String v = Check.notBlank(email, "email", 254).strip();
        int at = v.indexOf('@');
        if (at <= 0) {
            return keep(v, 1, 0);
        }
        return v.charAt(0) + "***" + v.substring(at);
    }

    /** A postal address with its lines and postal code hidden; city, region and country kept. */
    public static PostalAddress address(PostalAddress address) {
        Check.notNull(address, "address");
        return new PostalAddress(java.util.List.of("***"), address.city(), address.region(), null, address.country());
    }

    /** A name with its first character kept, for example {@code 张**} or {@code Z***}. */
    public static String name(String name) {
        String v = Check.notBlank(name, "name", Check.MAX_SHORT).strip();
        int first = v.offsetByCodePoints(0, 1);
        return v.substring(0, first) + "*".repeat(Math.max(2, Math.min(3, v.codePointCount(first, v.length()))));
    }

    /**
     * Keeps {@code head} leading and {@code tail} trailing characters of {@code value} and stars
     * between them (at least three); for short values fewer characters are kept, so most of the
     * value stays hidden.
     */
    public static String keep(String value, int head, int tail) {
        Check.notNull(value, "value");
        Check.range(head, 0, 64, "head");
        Check.range(tail, 0, 64, "tail");
        if (value.length() <= head + tail + 2) {
            head = Math.min(head, Math.max(0, value.length() / 4));
            tail = Math.min(tail, Math.max(0, value.length() / 4));
        }
        int stars = Math.max(3, value.length() - head - tail);
        return value.substring(0, head) + String.valueOf(STAR).repeat(stars) + value.substring(value.length() - tail);
    }
}
