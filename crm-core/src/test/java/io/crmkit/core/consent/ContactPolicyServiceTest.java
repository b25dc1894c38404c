package io.crmkit.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;

import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Consent and the contact policy through the services")
class ContactPolicyServiceTest {
    /** A Wednesday, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final OrgUnitId WEALTH = OrgUnitId.of("wealth-dept");
    static final OrgUnitId CARDS = OrgUnitId.of("cards-dept");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    TestClock clock;
    Crm crm;
    CrmSession wealth;
    CrmSession cards;
    Customer customer;

    @BeforeEach
    void setUp() {
        clock = new TestClock(NOW);
        crm = Crm.builder().clock(clock).zone(SHANGHAI).build();
        wealth = crm.as(Actor.staff(StaffId.of("rm-017"), WEALTH, "RM"));
        cards = crm.as(Actor.staff(StaffId.of("cards-003"), CARDS, "RM"));
        customer = wealth.customers().register(NewCustomer.individual("Customer 1").owner(StaffId.of("rm-017")).active().build());
    }

    private NewInteraction call(ConsentPurpose purpose) {
        return NewInteraction.of(customer.id(), Channel.PHONE, Direction.OUTBOUND).subject("Offer").purpose(purpose).build();
    }

    private void grantMarketingByPhone() {
        wealth.consents().capture(NewConsent.grant(customer.id(), ContactPointKind.PHONE, ConsentPurpose.MARKETING,
                "branch:paper-form").build());
    }

    @Test
    @DisplayName("an outbound marketing call without consent is refused with the reason, nothing is recorded, and the refusal is logged and audited")
    void refusesWithoutConsent() {
        assertThatThrownBy(() -> wealth.interactions().record(call(ConsentPurpose.MARKETING)))
                .isInstanceOf(ContactRefusedException.class).hasMessageContaining("NO_CONSENT")
                .extracting(e -> ((ContactRefusedException) e).reason()).isEqualTo(ContactReason.NO_CONSENT);

        assertThat(wealth.interactions().timeline(customer.id(), PageRequest.first(10)).items()).isEmpty();
        List<ContactAttempt> log = wealth.contactPolicy().contactLog(customer.id(), NOW.minusSeconds(1), NOW.plusSeconds(1));
        assertThat(log).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(ContactOutcome.REFUSED);
            assertThat(a.reason()).isEqualTo(ContactReason.NO_CONSENT);
            assertThat(a.department()).isEqualTo(WEALTH);
        });
        List<AuditEntry> audit = wealth.audit().forCustomer(customer.id(), PageRequest.first(50)).items();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.streamType()).isEqualTo("ContactAttempt");
            assertThat(e.operation()).isEqualTo("contact.refuse");
        });
    }

    @Test
    @DisplayName("with consent the call is recorded and logged; the third marketing contact in a week is deferred whichever department makes it")
    void capsAcrossDepartments() {
        grantMarketingByPhone();
        wealth.interactions().record(call(ConsentPurpose.MARKETING));
        clock.advance(Duration.ofHours(1));
        cards.interactions().record(call(ConsentPurpose.MARKETING));
        clock.advance(Duration.ofHours(1));

        ContactDecision third = cards.contactPolicy().decide(ContactRequest.of(customer.id(), Channel.EMAIL,
                ConsentPurpose.MARKETING));
        // the email has no consent: denied before the caps are looked at
        assertThat(third.reason()).isEqualTo(ContactReason.NO_CONSENT);
        ContactDecision phone = cards.contactPolicy().decide(ContactRequest.of(customer.id(), Channel.PHONE,
                ConsentPurpose.MARKETING));
        assertThat(phone).isEqualTo(new ContactDecision.Defer(NOW.plus(Duration.ofDays(7)), ContactReason.FREQUENCY_CAP,
                "a frequency cap for MARKETING is reached"));
        assertThatThrownBy(() -> cards.interactions().record(call(ConsentPurpose.MARKETING)))
                .isInstanceOf(ContactRefusedException.class)
                .satisfies(e -> assertThat(((ContactRefusedException) e).deferredUntil()).isEqualTo(NOW.plus(Duration.ofDays(7))));
        // a service call is exempt from the caps
        assertThat(cards.interactions().record(call(ConsentPurpose.SERVICE)).customerId()).isEqualTo(customer.id());
        assertThat(wealth.contactPolicy().contactLog(customer.id(), NOW, NOW.plus(Duration.ofDays(1))))
                .extracting(ContactAttempt::outcome, ContactAttempt::department)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContactOutcome.CARRIED_OUT, WEALTH),
                        org.assertj.core.groups.Tuple.tuple(ContactOutcome.CARRIED_OUT, CARDS),
                        org.assertj.core.groups.Tuple.tuple(ContactOutcome.REFUSED, CARDS),
                        org.assertj.core.groups.Tuple.tuple(ContactOutcome.CARRIED_OUT, CARDS));
    }

    @Test
    @DisplayName("a double opt-in permits nothing until confirmed, and a withdrawal stops contact from then on")
    void doubleOptInAndWithdrawal() {
        ConsentRecord pending = wealth.consents().capture(NewConsent.grant(customer.id(), ContactPointKind.EMAIL,
                ConsentPurpose.MARKETING, "web:signup").doubleOptIn().build());
        assertThat(pending.status()).isEqualTo(ConsentStatus.PENDING);
        ContactRequest email = ContactRequest.of(customer.id(), Channel.EMAIL, ConsentPurpose.MARKETING);
        assertThat(wealth.contactPolicy().decide(email).reason()).isEqualTo(ContactReason.CONSENT_PENDING);

        clock.advance(Duration.ofMinutes(5));
        ConsentRecord confirmed = wealth.consents().confirm(pending.id());
        assertThat(confirmed.grantedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(wealth.contactPolicy().decide(email)).isEqualTo(ContactDecision.ALLOW);
        // asked about the minute before the confirmation: not yet effective, deferred to the confirmation
        assertThat(wealth.contactPolicy().decide(email.at(NOW))).isInstanceOf(ContactDecision.Defer.class)
                .extracting(ContactDecision::reason).isEqualTo(ContactReason.CONSENT_NOT_YET_EFFECTIVE);

        clock.advance(Duration.ofMinutes(5));
        wealth.consents().withdraw(customer.id(), ContactPointKind.EMAIL, ConsentPurpose.MARKETING, "app:settings");
        assertThat(wealth.contactPolicy().decide(email).reason()).isEqualTo(ContactReason.CONSENT_WITHDRAWN);
        assertThat(wealth.contactPolicy().decide(email.at(NOW.plus(Duration.ofMinutes(7))))).isEqualTo(ContactDecision.ALLOW);
    }

    @Test
    @DisplayName("do-not-contact blocks marketing and service but not transactional contact")
    void doNotContact() {
        grantMarketingByPhone();
        wealth.consents().setDoNotContact(customer.id(), false, Set.of(Channel.PHONE), "callcentre:request");
        ContactRequest phone = ContactRequest.of(customer.id(), Channel.PHONE, ConsentPurpose.SERVICE);
        assertThat(wealth.contactPolicy().decide(phone).reason()).isEqualTo(ContactReason.DO_NOT_CONTACT_CHANNEL);
        wealth.consents().setDoNotContact(customer.id(), true, Set.of(), "callcentre:request");
        assertThat(wealth.contactPolicy().decide(ContactRequest.of(customer.id(), Channel.SMS, ConsentPurpose.MARKETING))
                .reason()).isEqualTo(ContactReason.DO_NOT_CONTACT);
        assertThat(wealth.contactPolicy().decide(ContactRequest.of(customer.id(), Channel.SMS, ConsentPurpose.TRANSACTIONAL)))
                .isEqualTo(ContactDecision.ALLOW);
        assertThat(wealth.consents().doNotContact(customer.id())).get().extracting(DoNotContact::everything).isEqualTo(true);
    }

    @Test
    @DisplayName("quiet hours follow the customer's own zone: 10:00 in Shanghai is 21:00 in New York, deferred to 08:00 there")
    void quietHoursInTheCustomersZone() {
        grantMarketingByPhone();
        ContactRequest phone = ContactRequest.of(customer.id(), Channel.PHONE, ConsentPurpose.MARKETING);
        assertThat(wealth.contactPolicy().decide(phone)).isEqualTo(ContactDecision.ALLOW);

        Customer moved = wealth.customers().update(customer.withProfile(Profile.EMPTY.withTimeZone(ZoneId.of("America/New_York"))));
        assertThat(moved.profile().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        // 02:00Z is 21:00 EST the day before; quiet until 08:00 EST = 13:00Z
        assertThat(wealth.contactPolicy().decide(phone)).isEqualTo(new ContactDecision.Defer(
                Instant.parse("2026-12-02T13:00:00Z"), ContactReason.QUIET_HOURS, "quiet hours in the customer's time zone"));
    }

    @Test
    @DisplayName("a customer the actor cannot see is not found, for decisions as for consents")
    void hiddenCustomer() {
        CustomerId absent = CustomerId.of("nobody");
        assertThatThrownBy(() -> wealth.contactPolicy().decide(ContactRequest.of(absent, Channel.PHONE, ConsentPurpose.MARKETING)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> wealth.consents().consentsOf(absent)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a prepared snapshot answers like the service, and denies customers it was not prepared for")
    void snapshotAgreesWithTheService() {
        grantMarketingByPhone();
        wealth.interactions().record(call(ConsentPurpose.MARKETING));
        ContactPolicy policy = wealth.contactPolicy().prepare(List.of(customer.id(), CustomerId.of("nobody")));
        assertThat(policy.size()).isEqualTo(1);
        for (ConsentPurpose p : ConsentPurpose.values()) {
            for (Channel c : Channel.values()) {
                ContactRequest r = ContactRequest.of(customer.id(), c, p);
                assertThat(policy.decide(r)).as(p + " " + c).isEqualTo(wealth.contactPolicy().decide(r));
            }
        }
        assertThat(policy.decide(ContactRequest.of(CustomerId.of("nobody"), Channel.PHONE, ConsentPurpose.MARKETING))
                .reason()).isEqualTo(ContactReason.UNKNOWN_CUSTOMER);
    }
}
