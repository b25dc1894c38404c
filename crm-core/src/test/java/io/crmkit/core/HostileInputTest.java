package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.TimelineCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property-style: seeded random and hostile strings into every factory that parses outside text.
 * Each either succeeds or throws the library's {@link ValidationException}; never a raw
 * NullPointerException, NumberFormatException or IndexOutOfBoundsException.
 */
@DisplayName("Hostile and random text never escapes as anything but a validation error")
class HostileInputTest {
    private static final String[] HOSTILE = {
        "", " ", "\u0000", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "'; DROP TABLE customer; --", "<script>",
        "\u202e", "NaN", "Infinity", "1e999999", "-0", "9".repeat(5_000), "..", ".", "1.2.3", "a.b.c", "1..x",
        "\ud800", "😀", "１２３", "0x1F", "+", "+8613800138000\n", "a@b", "@", "a@@b.c", "\t\r\n"
    };

    @Test
    @DisplayName("20,000 seeded cases over ids, money, identifiers, contact points, cursors, stages and external refs")
    void onlyValidationErrors() {
        SplittableRandom random = new SplittableRandom(20261123);
        List<Consumer<String>> factories = List.of(
                CustomerId::of,
                s -> Money.of(s, "CNY"),
                s -> Money.of("1", s),
                s -> Identifier.nationalId("CN", s),
                s -> Identifier.nationalId(s, "E1234567"),
                Identifier::lei,
                Identifier::unifiedSocialCreditCode,
                s -> Identifier.of(IdentifierType.EXTERNAL_SYSTEM, "C1", s),
                s -> ContactPoint.phone(s, null),
                s -> ContactPoint.email(s, null),
                TimelineCursor::decode,
                s -> new PageRequest(s, 10),
                s -> Stage.open(s, s, 10),
                s -> ExternalRef.of(s, s));
        List<String> inputs = new ArrayList<>(List.of(HOSTILE));
        for (int i = 0; i < 20_000 / factories.size(); i++) {
            inputs.add(randomText(random));
        }
        inputs.add(null);
        int accepted = 0;
        int refused = 0;
        for (String input : inputs) {
            for (Consumer<String> factory : factories) {
                try {
                    factory.accept(input);
                    accepted++;
                } catch (ValidationException e) {
                    assertThat(e.violations()).isNotEmpty();
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(accepted);
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(0, 40);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            b.append(switch (kind) {
                case 0 -> (char) random.nextInt('0', '9' + 1);
                case 1 -> (char) random.nextInt('A', 'Z' + 1);
                case 2 -> ".-+@:_ X".charAt(random.nextInt(8));
                case 3 -> (char) random.nextInt(0, 32);
                case 4 -> (char) random.nextInt(0x4E00, 0x9FFF);
                default -> (char) random.nextInt(32, 127);
            });
        }
        return b.toString();
    }
}
