package io.crmkit.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.OrgUnitId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contact policy snapshot: its id table, its zone clocks and caps across departments")
class ContactPolicySnapshotTest {
    private static final Instant T = Instant.parse("2026-03-07T12:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Meta META = Meta.created(T.minus(Duration.ofDays(30)), "t");

    private static ConsentRecord granted(CustomerId c, ContactPointKind k, Instant from) {
        return new ConsentRecord(ConsentId.of("k-" + c.value() + k), c, k, ConsentPurpose.MARKETING, ConsentStatus.GRANTED,
                "t:form", from, from, null, false, from, null, null, META);
    }

    private static ContactAttempt done(CustomerId c, Channel ch, @Nullable OrgUnitId dept, Instant at) {
        return new ContactAttempt(ContactAttemptId.of("a-" + c.value() + at.getEpochSecond() + ch), c, ch,
                ConsentPurpose.MARKETING, dept, at, ContactOutcome.CARRIED_OUT, null, null, null, META);
    }

    @Test
    @DisplayName("10,000 customers are found by ids equal to, not the same as, the ones prepared; others are unknown")
    void idTable() {
        ContactPolicy.Builder b = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, T);
        for (int i = 0; i < 10_000; i++) {
            CustomerId c = CustomerId.of("c" + i);
            // odd customers have consent, every third is flagged do-not-contact
            List<ConsentRecord> consents = i % 2 == 1 ? List.of(granted(c, ContactPointKind.EMAIL, T.minusSeconds(86_400)))
                    : List.of();
            DoNotContact flags = i % 3 == 0 ? new DoNotContact(c, true, java.util.Set.of(), "t:call", META) : null;
            b.customer(c, null, List.of(), consents, flags, List.of());
        }
        ContactPolicy p = b.build();
        assertThat(p.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
            CustomerId c = CustomerId.of(new String("c" + i));
            ContactReason expected = i % 3 == 0 ? ContactReason.DO_NOT_CONTACT : i % 2 == 0 ? ContactReason.NO_CONSENT : null;
            assertThat(p.decide(c, Channel.EMAIL, ConsentPurpose.MARKETING, null, T).reason()).as("c%d", i).isEqualTo(expected);
            assertThat(p.covers(c)).isTrue();
        }
        CustomerId stranger = CustomerId.of("c10000");
        assertThat(p.covers(stranger)).isFalse();
        assertThat(p.decide(stranger, Channel.EMAIL, ConsentPurpose.MARKETING, null, T).reason())
                .isEqualTo(ContactReason.UNKNOWN_CUSTOMER);
    }

    @Test
    @DisplayName("ids with the same hash, the same length or a common eight-char prefix are told apart")
    void collidingIds() {
        // "Aa" and "BB" have the same String hash, and so do all their concatenations
        String[] present = {"AaAa", "BBBB", "AaBBx", "customer-00000001", "customer:0000000012345678"};
        String[] absent = {"AaBB", "BBAa", "AaBBy", "customer-00000002", "customer:0000000012345679", "customer"};
        ContactPolicy.Builder b = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, T);
        for (String v : present) {
            CustomerId c = CustomerId.of(v);
            b.customer(c, null, List.of(), List.of(granted(c, ContactPointKind.EMAIL, T.minusSeconds(60))), null, List.of());
        }
        ContactPolicy p = b.build();
        for (String v : present) {
            assertThat(p.decide(CustomerId.of(new String(v)), Channel.EMAIL, ConsentPurpose.MARKETING, null, T)).as(v)
                    .isSameAs(ContactDecision.ALLOW);
        }
        for (String v : absent) {
            assertThat(p.covers(CustomerId.of(v))).as(v).isFalse();
        }
    }

    @Test
    @DisplayName("adding a customer again replaces it, zone, consents and log")
    void replace() {
        CustomerId c = CustomerId.of("c-1");
        ContactPolicy p = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, T)
                .customer(c, null, List.of(), List.of(), null, List.of())
                .customer(c, ZoneId.of("UTC"), List.of(), List.of(granted(c, ContactPointKind.PHONE, T.minus(Duration.ofDays(1)))),
                        null, List.of())
                .build();
        assertThat(p.size()).isEqualTo(1);
        // 08:30 UTC is 03:30 in New York, quiet there, but not in UTC
        assertThat(p.decide(c, Channel.PHONE, ConsentPurpose.MARKETING, null, Instant.parse("2026-03-07T08:30:00Z")))
                .isSameAs(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("contacts by two departments fill one cap: the third department is deferred until the first leaves the window")
    void capsAcrossDepartments() {
        CustomerId c = CustomerId.of("c-1");
        Instant first = T.minus(Duration.ofDays(3));
        ContactPolicy p = ContactPolicy.builder(ContactRules.ofDefaults(), ZoneId.of("UTC"), T)
                .customer(c, null, List.of(), List.of(granted(c, ContactPointKind.EMAIL, T.minus(Duration.ofDays(60)))), null,
                        List.of(done(c, Channel.EMAIL, OrgUnitId.of("wealth"), first),
                                done(c, Channel.PHONE, OrgUnitId.of("cards"), T.minus(Duration.ofDays(1)))))
                .build();
        assertThat(p.decide(c, Channel.EMAIL, ConsentPurpose.MARKETING, OrgUnitId.of("loans"), T))
                .isEqualTo(new ContactDecision.Defer(first.plus(Duration.ofDays(7)), ContactReason.FREQUENCY_CAP,
                        "a frequency cap for MARKETING is reached"));
        assertThat(p.decide(c, Channel.EMAIL, ConsentPurpose.MARKETING, OrgUnitId.of("loans"), first.plus(Duration.ofDays(7))))
                .isSameAs(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("a snapshot prepared months before answers decisions over both DST changes as one prepared that day")
    void farFromTheSnapshot() {
        Random r = new Random(5);
        List<CustomerId> ids = new ArrayList<>();
        ContactPolicy.Builder early = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, Instant.parse("2025-06-01T00:00:00Z"));
        ContactPolicy.Builder spring = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, Instant.parse("2026-03-07T00:00:00Z"));
        ContactPolicy.Builder autumn = ContactPolicy.builder(ContactRules.ofDefaults(), NEW_YORK, Instant.parse("2026-10-31T00:00:00Z"));
        for (int i = 0; i < 50; i++) {
            CustomerId c = CustomerId.of("c" + i);
            ids.add(c);
            List<ContactAttempt> log = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                log.add(done(c, Channel.SMS, null, Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofHours(r.nextInt(24 * 250)))));
            }
            List<ConsentRecord> consents = List.of(granted(c, ContactPointKind.PHONE, Instant.parse("2025-01-01T00:00:00Z")));
            ZoneId zone = i % 2 == 0 ? NEW_YORK : ZoneId.of("Europe/London");
            early.customer(c, zone, List.of(), consents, null, log);
            spring.customer(c, zone, List.of(), consents, null, log);
            autumn.customer(c, zone, List.of(), consents, null, log);
        }
        ContactPolicy e = early.build();
        ContactPolicy s = spring.build();
        ContactPolicy a = autumn.build();
        for (Instant base : new Instant[] {Instant.parse("2026-03-07T12:00:00Z"), Instant.parse("2026-10-31T12:00:00Z")}) {
            ContactPolicy near = base.getEpochSecond() < Instant.parse("2026-06-01T00:00:00Z").getEpochSecond() ? s : a;
            for (int m = 0; m < 3 * 24 * 60; m += 7) {
                Instant at = base.plus(Duration.ofMinutes(m));
                for (CustomerId c : ids) {
                    assertThat(e.decide(c, Channel.PHONE, ConsentPurpose.MARKETING, null, at)).as("%s at %s", c, at)
                            .isEqualTo(near.decide(c, Channel.PHONE, ConsentPurpose.MARKETING, null, at));
                }
            }
        }
    }
}
