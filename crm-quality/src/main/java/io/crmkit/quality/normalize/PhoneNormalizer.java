package io.crmkit.quality.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import io.crmkit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers to E.164 ({@code +8613800138000}) with Google's libphonenumber. A number written
 * without a country code is read in the default region (an ISO 3166 alpha-2 code such as
 * {@code CN}); full-width digits, spaces, dashes, brackets and a leading {@code 00} or {@code +}
 * are all understood. Only numbers libphonenumber considers valid for their region are accepted.
 *
 * <p>Most numbers are written as plain digits, with a {@code +} and a country code or without,
 * grouped by spaces, dashes or brackets. For those, libphonenumber's parser would only drop the
 * separators and split off the country code; {@link #toE164} does that itself and then applies
 * libphonenumber's validity test ({@code isValidNumber}: the region's metadata patterns, read
 * once). It steps aside for anything the parser could read differently: another character, a
 * leading zero, digits an international or national prefix pattern of the region would strip, a
 * national number starting with the region's own country code, a non-geographic code, fewer than
 * four digits, a number found invalid.
 * Those go through {@code parse} as before, so the result is the same either way (a test compares
 * the two over many formats and regions).
 *
 * <p>Immutable and thread-safe.
 */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    /** Fewer digits go to the parser (its viability rule differs for them); 17 is libphonenumber's longest national number. */
    private static final int MIN_DIGITS = 4;
    private static final int MAX_DIGITS = 17;
    private static final int MAX = 64;
    private static final Map<String, Prefixes> PREFIXES = new ConcurrentHashMap<>();
    private final String defaultRegion;
    private final Prefixes home;

    private PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.home = prefixes(defaultRegion);
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
        String fast = plainDigits(raw);
        return fast != null ? fast : parsed(raw, field);
    }

    /** The general path: NFKC and whitespace clean-up, then libphonenumber's parser. */
    private @Nullable String parsed(String raw, String field) {
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

    /**
     * The E.164 form of a valid number written as digits (ASCII or full-width) with at most a
     * leading {@code +} and spaces, dashes or brackets between them, when the parser would take the
     * digits as they stand; {@code null} to leave the number to {@link #parsed}.
     */
    @Nullable String plainDigits(String raw) {
        char[] digits = new char[MAX_DIGITS + 3];
        int n = 0;
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19') {
                if (n == digits.length) {
                    return null;
                }
                digits[n++] = (char) (c <= '9' ? c : c - '\uFF10' + '0');
            } else if (c == '+' && !plus && n == 0) {
                plus = true;
            } else if (c != ' ' && c != '\u3000' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        if (n < MIN_DIGITS || digits[0] == '0') {
            return null;
        }
        String all = new String(digits, 0, n);
        int countryCode;
        String national;
        Prefixes region;
        if (plus) {
            countryCode = countryCode(all);
            String code = countryCode == 0 ? PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY : UTIL.getRegionCodeForCountryCode(countryCode);
            if (code.equals(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY) || code.equals("ZZ")) {
                return null;
            }
            national = all.substring(String.valueOf(countryCode).length());
            region = prefixes(code);
        } else {
            if (home.international.matcher(all).lookingAt() || all.startsWith(home.countryCodeText)) {
                return null;
            }
            countryCode = home.countryCode;
            national = all;
            region = home;
        }
        if (national.length() < MIN_DIGITS || national.length() > MAX_DIGITS || national.charAt(0) == '0'
                || region.national != null && region.national.matcher(national).lookingAt()) {
            return null;
        }
        boolean valid = region.valid != null ? region.valid.test(national)
                : UTIL.isValidNumber(new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national)));
        return valid ? "+" + countryCode + national : null;
    }

    /** The country calling code libphonenumber would split off digits written after a '+', or 0. */
    private static int countryCode(String digits) {
        for (int i = 1; i <= 3 && i < digits.length(); i++) {
            int code = Integer.parseInt(digits, 0, i, 10);
            if (UTIL.getSupportedCallingCodes().contains(code)) {
                return code;
            }
        }
        return 0;
    }

    private static Prefixes prefixes(String region) {
        return PREFIXES.computeIfAbsent(region, r -> {
            PhoneMetadata m = METADATA.getMetadataForRegion(r);
            String np = m.getNationalPrefixForParsing();
            boolean alone = UTIL.getRegionCodesForCountryCode(m.getCountryCode()).size() == 1;
            return new Prefixes(m.getCountryCode(), String.valueOf(m.getCountryCode()), Pattern.compile(m.getInternationalPrefix()),
                    np.isEmpty() ? null : Pattern.compile(np), alone ? validity(m) : null);
        });
    }

    /**
     * libphonenumber's {@code isValidNumber} for a number of a region that has its calling code to
     * itself: its type is not UNKNOWN, that is, it matches the general description and at least one
     * of the descriptions {@code getNumberType} tries (mobile only when its pattern is not the fixed
     * line's). The same test, with mobile and fixed line tried first since most numbers are one of
     * those, and the patterns compiled here rather than looked up in libphonenumber's shared cache.
     */
    private static Predicate<String> validity(PhoneMetadata m) {
        Predicate<String> general = desc(m.getGeneralDesc());
        List<PhoneNumberDesc> types = new ArrayList<>();
        if (!m.getSameMobileAndFixedLinePattern()) {
            types.add(m.getMobile());
        }
        types.addAll(List.of(m.getFixedLine(), m.getPremiumRate(), m.getTollFree(), m.getSharedCost(), m.getVoip(),
                m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail()));
        Predicate<String> any = types.stream().map(PhoneNormalizer::desc).reduce(Predicate::or).orElseThrow();
        return general.and(any);
    }

    /** libphonenumber's {@code isNumberMatchingDesc}: a possible length (when any is listed) and the whole pattern. */
    private static Predicate<String> desc(PhoneNumberDesc d) {
        if (d.getNationalNumberPattern().isEmpty()) {
            return nsn -> false;
        }
        Set<Integer> lengths = Set.copyOf(d.getPossibleLengthList());
        Pattern pattern = Pattern.compile(d.getNationalNumberPattern());
        return nsn -> (lengths.isEmpty() || lengths.contains(nsn.length())) && pattern.matcher(nsn).matches();
    }

    /**
     * What of a region's metadata decides whether the parser would strip leading digits, and its
     * validity test ({@code null} when other regions share its calling code: then libphonenumber decides).
     */
    private record Prefixes(int countryCode, String countryCodeText, Pattern international, @Nullable Pattern national,
            @Nullable Predicate<String> valid) {}

    private ValidationException invalid(String field) {
        return ValidationException.of(field, "Phone", "must be a valid phone number (national numbers are read in region "
                + defaultRegion + ")");
    }
}
