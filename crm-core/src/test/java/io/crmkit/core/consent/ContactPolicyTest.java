package io.crmkit.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contact policy kernel on hand-picked cases")
class ContactPolicyTest {
    static final CustomerId C = CustomerId.of("c-1");
    static final Instant T = Instant.parse("2026-03-07T12:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static ConsentRecord granted(ContactPointKind k, ConsentPurpose p, Instant from) {
        return new ConsentRecord(ConsentId.of("k-" + k + p), C, k, p, ConsentStatus.GRANTED, "t:form", from, from, null,
                false, from, null, null, Meta.created(from, "t"));
    }

    private static ContactAttempt done(Channel ch, ConsentPurpose p, Instant at) {
        return new ContactAttempt(ContactAttemptId.of("a-" + at.getEpochSecond() + ch), C, ch, p, null, at,
                ContactOutcome.CARRIED_OUT, null, null, null, Meta.created(at, "t"));
    }

    private static ContactPolicy policy(ContactRules rules, ZoneId zone, List<ConsentRecord> consents,
            List<ContactAttempt> log, List<ContactPoint> points) {
        return ContactPolicy.builder(rules, ZoneId.of("UTC"), T).customer(C, zone, points, consents, null, log).build();
    }

    @Test
    @DisplayName("a contact leaves a cap's window exactly window after it was made: (t - window, t] counts")
    void capWindowIsHalfOpen() {
        ContactRules rules = ContactRules.custom().cap(FrequencyCap.of(ConsentPurpose.MARKETING, 1, Duration.ofHours(2))).build();
        ContactPolicy p = policy(rules, ZoneId.of("UTC"), List.of(granted(ContactPointKind.EMAIL, ConsentPurpose.MARKETING,
                T.minus(Duration.ofDays(1)))), List.of(done(Channel.EMAIL, ConsentPurpose.MARKETING, T)), List.of());

        assertThat(p.decide(C, Channel.EMAIL, ConsentPurpose.MARKETING, null, T.plus(Duration.ofHours(2)).minusNanos(1_000)))
                .isEqualTo(new ContactDecision.Defer(T.plus(Duration.ofHours(2)), ContactReason.FREQUENCY_CAP,
                        "a frequency cap for MARKETING is reached"));
        assertThat(p.decide(C, Channel.EMAIL, ConsentPurpose.MARKETING, null, T.plus(Duration.ofHours(2))))
                .isEqualTo(ContactDecision.ALLOW);
        // asked about before the logged contact, the window (t-2h, t] does not hold it yet
        assertThat(p.decide(C, Channel.EMAIL, ConsentPurpose.MARKETING, null, T.minusSeconds(60))).isEqualTo(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("quiet hours ending at 02:30 on the night New York springs forward end at 03:00 EDT, the end of the gap")
    void quietHoursEndInsideTheGap() {
        ContactRules rules = ContactRules.custom()
                .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(2, 30), Channel.PHONE)).build();
        ContactPolicy p = policy(rules, NEW_YORK, List.of(), List.of(), List.of());
        Instant lateEvening = Instant.parse("2026-03-08T03:00:00Z"); // 22:00 EST, 7 March
        assertThat(p.decide(C, Channel.PHONE, ConsentPurpose.SERVICE, null, lateEvening).reason())
                .isEqualTo(ContactReason.NO_CONSENT);
        ContactPolicy exempt = policy(ContactRules.from(rules).exempt(ConsentPurpose.SERVICE, PolicyCheck.CONSENT).build(),
                NEW_YORK, List.of(), List.of(), List.of());
        assertThat(exempt.decide(C, Channel.PHONE, ConsentPurpose.SERVICE, null, lateEvening))
                .isEqualTo(new ContactDecision.Defer(Instant.parse("2026-03-08T07:00:00Z"), ContactReason.QUIET_HOURS,
                        "quiet hours in the customer's time zone"));
        // on an ordinary night it is 02:30 EST
        assertThat(exempt.decide(C, Channel.PHONE, ConsentPurpose.SERVICE, null, Instant.parse("2026-03-07T03:00:00Z")))
                .isInstanceOf(ContactDecision.Defer.class).extracting(d -> ((ContactDecision.Defer) d).until())
                .isEqualTo(Instant.parse("2026-03-07T07:30:00Z"));
        // email keeps no quiet hours in these rules
        assertThat(exempt.decide(C, Channel.EMAIL, ConsentPurpose.SERVICE, null, lateEvening)).isEqualTo(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("quiet hours ending at 01:30 on the night New York falls back end at the first 01:30 (EDT)")
    void quietHoursEndInTheRepeatedHour() {
        ContactRules rules = ContactRules.custom().quietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(1, 30),
                Channel.SMS)).exempt(ConsentPurpose.SERVICE, PolicyCheck.CONSENT).build();
        ContactPolicy p = policy(rules, NEW_YORK, List.of(), List.of(), List.of());
        assertThat(p.decide(C, Channel.SMS, ConsentPurpose.SERVICE, null, Instant.parse("2026-11-01T03:00:00Z")))
                .extracting(d -> ((ContactDecision.Defer) d).until()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    @DisplayName("transactional contact passes do-not-contact, consent, caps and quiet hours under the default rules")
    void defaultExemptions() {
        ContactPolicy p = ContactPolicy.builder(ContactRules.ofDefaults(), ZoneId.of("Asia/Shanghai"), T)
                .customer(C, null, List.of(), List.of(), new DoNotContact(C, true, java.util.Set.of(), "t:req",
                        Meta.created(T, "t")), List.of()).build();
        Instant night = Instant.parse("2026-03-07T16:00:00Z"); // midnight in Shanghai, the firm zone
        assertThat(p.decide(C, Channel.SMS, ConsentPurpose.TRANSACTIONAL, null, night)).isEqualTo(ContactDecision.ALLOW);
        assertThat(p.decide(C, Channel.SMS, ConsentPurpose.SERVICE, null, night).reason()).isEqualTo(ContactReason.DO_NOT_CONTACT);
        assertThat(p.decide(CustomerId.of("other"), Channel.SMS, ConsentPurpose.TRANSACTIONAL, null, night).reason())
                .isEqualTo(ContactReason.UNKNOWN_CUSTOMER);
    }

    @Test
    @DisplayName("a consent embedded in the customer's contact point counts; a later consent record overrides it")
    void embeddedConsents() {
        ContactPoint phone = ContactPoint.phone("+8613800138000", "mobile", Consent.granted(ConsentPurpose.MARKETING,
                "signed form", T.minus(Duration.ofDays(10))));
        ContactRules rules = ContactRules.custom().build();
        assertThat(policy(rules, ZoneId.of("UTC"), List.of(), List.of(), List.of(phone))
                .decide(C, Channel.SMS, ConsentPurpose.MARKETING, null, T)).isEqualTo(ContactDecision.ALLOW);
        ConsentRecord later = granted(ContactPointKind.PHONE, ConsentPurpose.MARKETING, T.minus(Duration.ofDays(5)))
                .withdrawn(T.minus(Duration.ofDays(1)), "app:settings");
        assertThat(policy(rules, ZoneId.of("UTC"), List.of(later), List.of(), List.of(phone))
                .decide(C, Channel.SMS, ConsentPurpose.MARKETING, null, T).reason()).isEqualTo(ContactReason.CONSENT_WITHDRAWN);
        // before the withdrawal the record still permitted contact
        assertThat(policy(rules, ZoneId.of("UTC"), List.of(later), List.of(), List.of(phone))
                .decide(C, Channel.SMS, ConsentPurpose.MARKETING, null, T.minus(Duration.ofDays(2)))).isEqualTo(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("an effective window defers before it starts and denies after it ends; caps that outlast the consent deny")
    void effectiveWindow() {
        Instant from = T.plus(Duration.ofDays(1));
        ConsentRecord windowed = new ConsentRecord(ConsentId.of("w"), C, ContactPointKind.EMAIL, ConsentPurpose.SURVEY,
                ConsentStatus.GRANTED, "t:form", T, from, from.plus(Duration.ofDays(2)), false, T, null, null,
                Meta.created(T, "t"));
        ContactRules rules = ContactRules.custom().cap(FrequencyCap.of(ConsentPurpose.SURVEY, 1, Duration.ofDays(30))).build();
        ContactPolicy p = policy(rules, ZoneId.of("UTC"), List.of(windowed), List.of(), List.of());
        assertThat(p.decide(C, Channel.EMAIL, ConsentPurpose.SURVEY, null, T)).isEqualTo(new ContactDecision.Defer(from,
                ContactReason.CONSENT_NOT_YET_EFFECTIVE, "the consent is not effective yet"));
        assertThat(p.decide(C, Channel.EMAIL, ConsentPurpose.SURVEY, null, from.plus(Duration.ofDays(2))).reason())
                .isEqualTo(ContactReason.CONSENT_EXPIRED);
        List<ContactAttempt> log = new ArrayList<>(List.of(done(Channel.EMAIL, ConsentPurpose.SURVEY, from)));
        ContactPolicy capped = policy(rules, ZoneId.of("UTC"), List.of(windowed), log, List.of());
        assertThat(capped.decide(C, Channel.EMAIL, ConsentPurpose.SURVEY, null, from.plusSeconds(60)).reason())
                .isEqualTo(ContactReason.NO_TIME_BEFORE_CONSENT_ENDS);
    }

    @Test
    @DisplayName("bad rules are refused naming the field and the rule")
    void badRules() {
        assertThatThrownBy(() -> FrequencyCap.of(ConsentPurpose.MARKETING, 0, Duration.ofDays(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cap.max");
        assertThatThrownBy(() -> FrequencyCap.of(ConsentPurpose.MARKETING, 1, Duration.ofSeconds(90)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("WholeMinutes");
        assertThatThrownBy(() -> FrequencyCap.of(ConsentPurpose.MARKETING, 1, Duration.ofDays(400)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cap.window");
        assertThatThrownBy(() -> QuietHours.of(LocalTime.NOON, LocalTime.NOON, Channel.PHONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quietHours.end");
        assertThatThrownBy(() -> ContactPolicy.builder(ContactRules.ofDefaults(), ZoneId.of("UTC"), T).build()
                .decide(null, Channel.PHONE, ConsentPurpose.MARKETING, null, T)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerId");
    }
}
