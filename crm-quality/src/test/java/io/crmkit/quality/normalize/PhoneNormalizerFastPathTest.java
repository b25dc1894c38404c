package io.crmkit.quality.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The phone normaliser's fast path against libphonenumber's parser: for every input, in many
 * formats and regions, {@link PhoneNormalizer#toE164} gives what {@code Text.clean} then
 * {@code parse}, {@code isValidNumber} and {@code format(E164)} give (the same number, or the same
 * refusal), and the fast path alone never gives another answer.
 */
class PhoneNormalizerFastPathTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String[] REGIONS = {"CN", "US", "CA", "GB", "DE", "FR", "IT", "JP", "HK", "SG", "IN", "AU", "BR", "RU", "KZ",
        "AR", "MX", "IM"};
    /** The default regions tried (the numbers come from all of {@link #REGIONS}). */
    private static final String[] DEFAULTS = {"CN", "US", "GB", "DE", "IT", "RU", "IM", "BR"};
    private static final String[] SEPARATORS = {"", " ", "-", "\u3000", "(", ")", "  ", " - "};

    /** What the normaliser did before its fast path, for every number. */
    private static String reference(String raw, String region) {
        try {
            String text = Text.clean(raw, "phone");
            if (text == null) {
                return "null";
            }
            PhoneNumber n = UTIL.parse(text, region);
            return UTIL.isValidNumber(n) ? UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : "invalid";
        } catch (NumberParseException e) {
            return "invalid";
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    private static String actual(PhoneNormalizer p, String raw) {
        try {
            String e164 = p.toE164(raw, "phone");
            return e164 == null ? "null" : e164;
        } catch (ValidationException e) {
            return e.violations().get(0).rule().equals("Phone") ? "invalid" : e.getMessage();
        }
    }

    @Test
    @DisplayName("fast path or parser, toE164 equals libphonenumber's parse for example and random numbers written in many formats")
    void sameAsLibphonenumber() {
        SplittableRandom rnd = new SplittableRandom(13);
        long fast = 0;
        long valid = 0;
        long total = 0;
        for (String region : DEFAULTS) {
            PhoneNormalizer normalizer = PhoneNormalizer.forRegion(region);
            for (String input : inputs(region, rnd)) {
                if (input.length() > 64) {
                    continue;   // refused for its length before either path
                }
                String expected = reference(input, region);
                assertThat(actual(normalizer, input)).as("%s in %s", input, region).isEqualTo(expected);
                String viaFastPath = normalizer.plainDigits(input);
                if (viaFastPath != null) {
                    assertThat(viaFastPath).as("fast path for %s in %s", input, region).isEqualTo(expected);
                    fast++;
                }
                if (expected.startsWith("+")) {
                    valid++;
                }
                total++;
            }
        }
        System.out.printf("%d inputs, %d valid, %d through the fast path%n", total, valid, fast);
        // The comparison means something only if both paths were taken many times.
        assertThat(fast).isGreaterThan(valid / 3);
        assertThat(valid - fast).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("the population's formats of a Chinese mobile number all take the fast path")
    void commonChineseFormatsAreFast() {
        PhoneNormalizer cn = PhoneNormalizer.forRegion("CN");
        for (String s : List.of("+8613800138000", "+86 138 0013 8000", "138-0013-8000", "0086 13800138000", "(+86) 138 00138000",
                "１３８００１３８０００", "13800138000")) {
            assertThat(cn.toE164(s, "phone")).as(s).isEqualTo("+8613800138000");
        }
        assertThat(cn.plainDigits("+86 138 0013 8000")).isEqualTo("+8613800138000");
        assertThat(cn.plainDigits("１３８００１３８０００")).isEqualTo("+8613800138000");
        assertThat(cn.plainDigits("(+86) 138 00138000")).isEqualTo("+8613800138000");
        // 0086 is the international prefix: left to the parser, which strips it.
        assertThat(cn.plainDigits("0086 13800138000")).isNull();
    }

    /** Example numbers of every type of the region and its neighbours, and random digits, each written several ways. */
    private static List<String> inputs(String region, SplittableRandom rnd) {
        List<String> numbers = new ArrayList<>();
        for (String r : REGIONS) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(r, type);
                if (example != null) {
                    numbers.add(UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                    numbers.add(UTIL.getNationalSignificantNumber(example));
                    // neighbours of the example: the last digits changed, one digit more or less
                    String nsn = UTIL.getNationalSignificantNumber(example);
                    for (int i = 0; i < 3; i++) {
                        numbers.add("+" + example.getCountryCode() + mutate(nsn, rnd));
                        numbers.add(mutate(nsn, rnd));
                    }
                }
            }
        }
        for (int i = 0; i < 400; i++) {
            numbers.add(randomDigits(rnd, 3 + rnd.nextInt(17)));
            numbers.add("+" + randomDigits(rnd, 3 + rnd.nextInt(17)));
        }
        int cc = UTIL.getCountryCodeForRegion(region);
        List<String> out = new ArrayList<>();
        for (String number : numbers) {
            String digits = number.startsWith("+") ? number.substring(1) : number;
            String national = number.startsWith("+" + cc) ? number.substring(1 + String.valueOf(cc).length()) : null;
            out.add(number);
            out.add(written(number, rnd));
            out.add(written(digits, rnd));            // the digits of an international number without its '+'
            out.add(written("00" + digits, rnd));     // with an international prefix
            out.add(written("0" + digits, rnd));      // with a national prefix
            out.add(written("(+" + digits.substring(0, Math.min(2, digits.length())) + ") " + digits.substring(Math.min(2, digits.length())), rnd));
            if (national != null) {
                out.add(written(national, rnd));
                out.add(written("0" + national, rnd));
                out.add(written("1" + national, rnd));
            }
        }
        return out;
    }

    private static String mutate(String nsn, SplittableRandom rnd) {
        StringBuilder b = new StringBuilder(nsn);
        switch (rnd.nextInt(4)) {
            case 0 -> b.setCharAt(b.length() - 1, (char) ('0' + rnd.nextInt(10)));
            case 1 -> b.append((char) ('0' + rnd.nextInt(10)));
            case 2 -> b.setLength(Math.max(1, b.length() - 1));
            default -> b.setCharAt(rnd.nextInt(b.length()), (char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    private static String randomDigits(SplittableRandom rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    /** The characters with random separators between them, sometimes full-width digits, sometimes a stray character. */
    private static String written(String s, SplittableRandom rnd) {
        boolean fullWidth = rnd.nextInt(5) == 0;
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(6) == 0) {
            b.append(SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(fullWidth && c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c);
            if (rnd.nextInt(3) == 0) {
                b.append(SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
            }
        }
        switch (rnd.nextInt(20)) {
            case 0 -> b.append(" ext. 12");
            case 1 -> b.insert(rnd.nextInt(b.length() + 1), '.');
            case 2 -> b.insert(rnd.nextInt(b.length() + 1), '+');
            case 3 -> b.append('#');
            case 4 -> b.insert(0, "tel:");
            default -> { }
        }
        return b.toString();
    }
}
