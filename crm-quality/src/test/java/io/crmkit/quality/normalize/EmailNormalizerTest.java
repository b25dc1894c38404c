package io.crmkit.quality.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailNormalizerTest {
    /** The rule as the regex it was written as before the one-pass check. */
    private static final Pattern BEFORE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    @Test
    @DisplayName("the one-pass address check accepts exactly what the regex it replaced accepts")
    void sameAsTheRegex() {
        for (String s : List.of("a@b.c", "z.wei+crm@gmail.com", "@b.c", "a@b", "a@.b.c", "a@b..c", "a@b.c.", "a@@b.c", "a b@c.d",
                "a@b.c@d.e", "x".repeat(64) + "@b.c", "x".repeat(65) + "@b.c", "\uD83D\uDE00".repeat(64) + "@b.c", "张伟@例子.中国",
                "a\t@b.c", "a@b\u000B.c", "\uD83D@b.c")) {
            assertThat(EmailNormalizer.isAddress(s)).as(s).isEqualTo(BEFORE.matcher(s).matches());
        }
        char[] alphabet = {'a', 'Z', '1', '@', '.', ' ', '\t', '\n', '\u000B', '\f', '\r', '+', '-', '张', '\uD83D', '\uDE00', '\u00A0'};
        SplittableRandom rnd = new SplittableRandom(11);
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            // address-shaped text (local part, '@', labels), then sometimes one random character anywhere
            StringBuilder b = new StringBuilder(random(rnd, alphabet, rnd.nextInt(10) == 0 ? 70 : 8));
            b.append('@').append(random(rnd, alphabet, 6));
            for (int labels = rnd.nextInt(3); labels >= 0; labels--) {
                b.append('.').append(random(rnd, alphabet, 5));
            }
            if (rnd.nextBoolean()) {
                b.insert(rnd.nextInt(b.length() + 1), alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            boolean expected = BEFORE.matcher(s).matches();
            assertThat(EmailNormalizer.isAddress(s)).as(s).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(10_000);
    }

    /** Up to {@code max} characters, mostly letters, sometimes any character of the alphabet. */
    private static String random(SplittableRandom rnd, char[] alphabet, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = rnd.nextInt(max + 1); n > 0; n--) {
            b.append(rnd.nextInt(8) == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }
}
