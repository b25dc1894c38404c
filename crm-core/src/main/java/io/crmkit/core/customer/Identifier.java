package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import java.util.Locale;
import java.util.Set;

/**
 * An identifying document or key of a customer: type, value and issuer. The issuer is an ISO 3166
 * alpha-2 country for documents, the system's name for {@link IdentifierType#EXTERNAL_SYSTEM}, and
 * {@code GLEIF} for an LEI. {@code (type, issuer, value)} is a natural key: no two customers share
 * one.
 *
 * <p>Checks: values are upper-cased and trimmed; a Chinese resident ID (NATIONAL_ID issued by CN)
 * must have 17 digits and a valid ISO 7064 MOD 11-2 check character; a unified social credit code
 * must pass the GB 32100-2015 check; an LEI must pass ISO 7064 MOD 97-10. Errors name the field,
 * never the value.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the value.
 *
 * @param type the kind of identifier
 * @param value the identifier's text
 * @param issuer the issuing country or system
 */
public record Identifier(IdentifierType type, String value, String issuer) {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern MASKABLE_VALUE = java.util.regex.Pattern.compile("[A-Z0-9*-]{2,64}");
    private static final java.util.regex.Pattern SYSTEM_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final java.util.regex.Pattern PLAIN_VALUE = java.util.regex.Pattern.compile("[A-Z0-9-]{2,64}");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] CN_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_ID_CHECK = "10X98765432";

    public Identifier {
        Check.notNull(type, "type");
        value = Check.notBlank(value, "value", 64).strip().toUpperCase(Locale.ROOT);
        issuer = Check.notBlank(issuer, "issuer", 64).strip();
        if (value.indexOf(MASK) >= 0) {
            // A masked copy for a role that may not see the value (see isMasked); never saved.
            Check.that(MASKABLE_VALUE.matcher(value).matches(), "value", "Format", "may contain only letters, digits and '-'");
        } else {
            checkValue(type, value, issuer);
        }
        if (type != IdentifierType.EXTERNAL_SYSTEM) {
            issuer = issuer.toUpperCase(Locale.ROOT);
        }
    }

    private static void checkValue(IdentifierType type, String value, String issuer) {
        switch (type) {
            case EXTERNAL_SYSTEM -> Check.that(SYSTEM_NAME.matcher(issuer).matches(), "issuer", "SystemName",
                    "must be a system name of letters, digits and . _ : -");
            case LEI -> {
                issuer = issuer.toUpperCase(Locale.ROOT);
                Check.that(validLei(value), "value", "Lei", "must be a 20-character LEI with valid ISO 7064 check digits");
            }
            default -> {
                issuer = issuer.toUpperCase(Locale.ROOT);
                Check.that(COUNTRIES.contains(issuer), "issuer", "Iso3166", "must be an ISO 3166 alpha-2 country code");
                Check.that(PLAIN_VALUE.matcher(value).matches(), "value", "Format", "may contain only letters, digits and '-'");
                if (type == IdentifierType.NATIONAL_ID && issuer.equals("CN")) {
                    Check.that(validCnResidentId(value), "value", "CnResidentId",
                            "must be an 18-character resident ID with a valid check character");
                }
                if (type == IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE) {
                    Check.that(validUscc(value), "value", "UnifiedSocialCreditCode",
                            "must be an 18-character unified social credit code with a valid check character");
                }
            }
        }
    }

    /** The character masked values carry in place of hidden ones. */
    public static final char MASK = '*';

    /**
     * Whether this is a masked copy shown to a role that may not see the value (for example
     * {@code 110***********1234}). Masked identifiers match nothing and are refused on save.
     */
    public boolean isMasked() {
        return value.indexOf(MASK) >= 0;
    }

    public static Identifier of(IdentifierType type, String value, String issuer) {
        return new Identifier(type, value, issuer);
    }

    public static Identifier nationalId(String country, String value) {
        return new Identifier(IdentifierType.NATIONAL_ID, value, country);
    }

    public static Identifier passport(String country, String value) {
        return new Identifier(IdentifierType.PASSPORT, value, country);
    }

    public static Identifier lei(String value) {
        return new Identifier(IdentifierType.LEI, value, "GLEIF");
    }

    public static Identifier unifiedSocialCreditCode(String value) {
        return new Identifier(IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE, value, "CN");
    }

    /** A key of the customer in another system, for example {@code external("core-banking", "C000123")}. */
    public static Identifier external(String system, String value) {
        return new Identifier(IdentifierType.EXTERNAL_SYSTEM, value, system);
    }

    /** The natural key as one string: {@code TYPE|issuer|value}. Personal data: never log it. */
    public String naturalKey() {
        return type + "|" + issuer + "|" + value;
    }

    static boolean validCnResidentId(String v) {
        if (v.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * CN_ID_WEIGHTS[i];
        }
        return CN_ID_CHECK.charAt(sum % 11) == v.charAt(17);
    }

    static boolean validUscc(String v) {
        if (v.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int idx = USCC_ALPHABET.indexOf(v.charAt(i));
            if (idx < 0) {
                return false;
            }
            sum += idx * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_ALPHABET.charAt(check) == v.charAt(17);
    }

    static boolean validLei(String v) {
        if (v.length() != 20) {
            return false;
        }
        int mod = 0;
        for (int i = 0; i < 20; i++) {
            char c = v.charAt(i);
            int n;
            if (c >= '0' && c <= '9') {
                n = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                n = c - 'A' + 10;
            } else {
                return false;
            }
            mod = n >= 10 ? (mod * 100 + n) % 97 : (mod * 10 + n) % 97;
        }
        return mod == 1;
    }

    @Override
    public String toString() {
        return "Identifier[type=" + type + ", issuer=" + issuer + ", value=***]";
    }

}
