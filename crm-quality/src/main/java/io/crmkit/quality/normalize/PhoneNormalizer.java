package io.crmkit.quality.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.core.error.ValidationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers to E.164 ({@code +8613800138000}) with Google's libphonenumber. A number written
 * without a country code is read in the default region (an ISO 3166 alpha-2 code such as
 * {@code CN}); full-width digits, spaces, dashes, brackets and a leading {@code 00} or {@code +}
 * are all understood. Only numbers libphonenumber considers valid for their region are accepted.
 *
 * <p>Immutable and thread-safe.
 */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX = 64;
    private final String defaultRegion;

    private PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * A normaliser reading national numbers in {@code defaultRegion}.
     *
     * @throws ValidationException if the region is not one libphonenumber knows
     */
    public static PhoneNormalizer forRegion(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw ValidationException.of("phone.region", "Region", "must be an ISO 3166 alpha-2 region libphonenumber supports");
        }
        return new PhoneNormalizer(region);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The number in E.164, or {@code null} when {@code raw} is blank.
     *
     * @throws ValidationException on {@code field}, rule {@code Phone}, if it is not a valid number
     */
    public @Nullable String toE164(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX) {
            throw ValidationException.of(field, "Size", "must be at most " + MAX + " characters");
        }
        String text = Text.clean(raw, field);
        if (text == null) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw invalid(field);
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid(field);
        }
    }

    private ValidationException invalid(String field) {
        return ValidationException.of(field, "Phone", "must be a valid phone number (national numbers are read in region "
                + defaultRegion + ")");
    }
}
