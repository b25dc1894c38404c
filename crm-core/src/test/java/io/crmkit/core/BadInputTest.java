package io.crmkit.core;

import static io.crmkit.core.Fixtures.RM;
import static io.crmkit.core.Fixtures.RM_ACTOR;
import static io.crmkit.core.Fixtures.WEALTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bad input is refused with a validation error naming the field, and nothing changes")
class BadInputTest {
    private Crm crm;
    private CrmSession rm;
    private Customer alice;

    @BeforeEach
    void setUp() {
        crm = Fixtures.crm();
        rm = crm.as(RM_ACTOR);
        alice = rm.customers().register(Fixtures.individual().build());
        rm.opportunities().definePipeline(WEALTH, "Wealth", Fixtures.STAGES);
    }

    private long customers() {
        return crm.store().customers().count(CustomerQuery.all());
    }

    private static ValidationException validation(Runnable call) {
        return catchThrowableOfType(ValidationException.class, call::run);
    }

    @Test
    @DisplayName("a null command is named as such")
    void nullCommand() {
        ValidationException e = validation(() -> rm.customers().register(null));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("customer", "NotNull"));
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    @DisplayName("a blank name and a bad tag are reported together in one exception")
    void everyViolationAtOnce() {
        NewCustomer bad = NewCustomer.individual("   ").tag("Not A Tag!").build();
        ValidationException e = validation(() -> rm.customers().register(bad));
        assertThat(e.violations()).extracting("field").contains("legalName", "tags");
        assertThat(e.violations()).extracting("rule").contains("NotBlank", "Pattern");
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    @DisplayName("an oversized name is refused by size")
    void oversizedName() {
        ValidationException e = validation(() -> rm.customers().register(NewCustomer.individual("x".repeat(201)).build()));
        assertThat(e.hasViolationOn("legalName")).isTrue();
        assertThat(e.violations().get(0).rule()).isEqualTo("Size");
    }

    @Test
    @DisplayName("an absurd birth date (year 1200, or tomorrow) is refused")
    void absurdDates() {
        assertThat(validation(() -> rm.customers().register(Fixtures.individual().birthDate(LocalDate.of(1200, 1, 1)).build()))
                .hasViolationOn("birthDate")).isTrue();
        assertThat(validation(() -> rm.customers().register(Fixtures.individual().birthDate(LocalDate.of(2026, 11, 24)).build()))
                .violations()).extracting("rule").containsExactly("PlausibleDate");
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    @DisplayName("an invalid currency code names the currency field")
    void invalidCurrency() {
        ValidationException e = validation(() -> Money.of("100", "XYZ"));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("currency", "Iso4217"));
        assertThat(validation(() -> Money.of("12,5", "CNY")).hasViolationOn("amount")).isTrue();
        assertThat(validation(() -> Money.of("1e20", "CNY")).violations().get(0).rule()).isEqualTo("Range");
    }

    @Test
    @DisplayName("a negative opportunity amount is refused and no opportunity is written")
    void negativeAmount() {
        NewOpportunity bad = NewOpportunity.of(alice.id(), WEALTH, "Fund switch", Money.of("-5", "CNY"), OpportunitySource.CROSS_SELL);
        ValidationException e = validation(() -> rm.opportunities().open(bad));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("amount", "NotNegative"));
        assertThat(crm.store().opportunities().findByCustomer(alice.id())).isEmpty();
    }

    @Test
    @DisplayName("a probability of 140 is refused on opening, revising and defining a stage")
    void probabilityOf140() {
        NewOpportunity bad = NewOpportunity.of(alice.id(), WEALTH, "Fund", Money.of("5", "CNY"), OpportunitySource.CROSS_SELL)
                .probability(140);
        assertThat(validation(() -> rm.opportunities().open(bad)).violations()).extracting("field", "rule")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("probability", "Max"));
        Opportunity o = rm.opportunities().open(bad.probability(40));
        assertThat(validation(() -> rm.opportunities().revise(o.id(), Money.of("5", "CNY"), 140)).hasViolationOn("probability")).isTrue();
        assertThat(validation(() -> Stage.open("X", "X", 140)).hasViolationOn("probability")).isTrue();
        assertThat(rm.opportunities().get(o.id()).probability()).isEqualTo(40);
        assertThat(rm.opportunities().get(o.id()).meta().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("an illegal lifecycle transition (ACTIVE to PROSPECT, anything out of CLOSED) is refused")
    void illegalLifecycleTransition() {
        ValidationException e = validation(() -> rm.customers().changeLifecycle(alice.id(), LifecycleStage.PROSPECT,
                LocalDate.of(2026, 11, 23), "oops"));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("lifecycle", "LifecycleTransition"));
        Customer closed = rm.customers().changeLifecycle(alice.id(), LifecycleStage.CLOSED, LocalDate.of(2026, 11, 23), "moved abroad");
        assertThat(validation(() -> rm.customers().changeLifecycle(alice.id(), LifecycleStage.ACTIVE, LocalDate.of(2026, 11, 23), "back"))
                .hasViolationOn("lifecycle")).isTrue();
        assertThat(rm.customers().get(alice.id())).isEqualTo(closed);
    }

    @Test
    @DisplayName("a stage that is not in the pipeline is refused and the opportunity stays where it was")
    void stageNotInPipeline() {
        Opportunity o = rm.opportunities().open(NewOpportunity.of(alice.id(), WEALTH, "Fund", Money.of("5", "CNY"), OpportunitySource.REFERRAL));
        ValidationException e = validation(() -> rm.opportunities().moveTo(o.id(), "NEGOTIATION", null));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("stage", "InPipeline"));
        assertThat(rm.opportunities().get(o.id())).isEqualTo(o);
    }

    @Test
    @DisplayName("a 10 MB note is refused by size before anything is written")
    void tenMegabyteNote() {
        String huge = "a".repeat(10 * 1024 * 1024);
        ValidationException e = validation(() -> rm.interactions().record(NewInteraction.of(alice.id(), Channel.PHONE, Direction.INBOUND)
                .subject("call").notes(huge).build()));
        assertThat(e.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("notes", "Size"));
        assertThat(e.getMessage()).hasSizeLessThan(500);
        assertThat(crm.store().interactions().countByCustomer(alice.id())).isZero();
    }

    @Test
    @DisplayName("control characters in free text are refused")
    void controlCharacters() {
        assertThatThrownBy(() -> rm.interactions().record(NewInteraction.of(alice.id(), Channel.PHONE, Direction.INBOUND)
                .subject("call\u0000\u001b[2J").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("subject")).isTrue());
        assertThat(crm.store().interactions().countByCustomer(alice.id())).isZero();
    }

    @Test
    @DisplayName("an interaction dated far in the future or before 1850 is refused")
    void interactionDates() {
        assertThat(validation(() -> rm.interactions().record(NewInteraction.of(alice.id(), Channel.SMS, Direction.OUTBOUND)
                .subject("x").at(Instant.parse("2030-01-01T00:00:00Z")).build())).hasViolationOn("occurredAt")).isTrue();
        assertThat(validation(() -> rm.interactions().record(NewInteraction.of(alice.id(), Channel.SMS, Direction.OUTBOUND)
                .subject("x").at(Instant.parse("1200-01-01T00:00:00Z")).build())).hasViolationOn("occurredAt")).isTrue();
    }

    @Test
    @DisplayName("identifiers with a wrong check digit are refused, naming the value field but not the value")
    void identifierCheckDigits() {
        ValidationException cn = validation(() -> Identifier.nationalId("CN", "110101199003074515"));
        assertThat(cn.violations()).extracting("field", "rule").containsExactly(org.assertj.core.groups.Tuple.tuple("value", "CnResidentId"));
        assertThat(cn.getMessage()).doesNotContain("110101199003074515");
        assertThat(validation(() -> Identifier.lei("5493001KJTIIGC8Y1R13")).violations().get(0).rule()).isEqualTo("Lei");
        assertThat(validation(() -> Identifier.unifiedSocialCreditCode("91350100M000100Y44")).violations().get(0).rule())
                .isEqualTo("UnifiedSocialCreditCode");
        assertThat(validation(() -> Identifier.passport("ZZ", "E1234567")).hasViolationOn("issuer")).isTrue();
        assertThat(Identifier.lei("5493001kjtiigc8y1r12").value()).isEqualTo("5493001KJTIIGC8Y1R12");
        assertThat(Identifier.unifiedSocialCreditCode("91350100M000100Y43").type()).isEqualTo(IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE);
    }

    @Test
    @DisplayName("a task reminding after it is due, or due in the year 9999, is refused")
    void taskTimes() {
        Instant due = Instant.parse("2026-11-25T09:00:00Z");
        assertThat(validation(() -> rm.tasks().assign(NewTask.of("Call", RM, due).remindAt(due.plusSeconds(60))))
                .hasViolationOn("remindAt")).isTrue();
        assertThat(validation(() -> rm.tasks().assign(NewTask.of("Call", RM, Instant.parse("9999-01-01T00:00:00Z"))))
                .hasViolationOn("dueAt")).isTrue();
        assertThat(rm.tasks().openTasks(RM)).isEmpty();
    }

    @Test
    @DisplayName("malformed ids and cursors are validation errors, not raw runtime exceptions")
    void malformedIdsAndCursors() {
        assertThat(validation(() -> CustomerId.of("bad id with spaces")).violations().get(0).rule()).isEqualTo("IdFormat");
        assertThat(validation(() -> CustomerId.of("x".repeat(65))).violations().get(0).rule()).isEqualTo("IdFormat");
        assertThat(validation(() -> rm.interactions().timeline(alice.id(), new PageRequest("garbage", 10))).hasViolationOn("after")).isTrue();
        assertThat(validation(() -> PageRequest.first(0)).hasViolationOn("size")).isTrue();
        assertThat(validation(() -> rm.customers().list(CustomerQuery.all(), new PageRequest("no spaces allowed", 5)))
                .hasViolationOn("after")).isTrue();
    }

    @Test
    @DisplayName("a money amount with more than six decimals is refused")
    void moneyScale() {
        assertThat(validation(() -> new Money(new BigDecimal("0.1234567"), Money.currency("CNY"))).violations().get(0).rule())
                .isEqualTo("Scale");
        assertThat(Money.of("1250.00", "CNY")).isEqualTo(Money.of("1250", "CNY"));
    }

    @Test
    @DisplayName("an update that tries to change the lifecycle or tier directly is refused")
    void updateCannotBypassLifecycle() {
        Customer sneaky = alice.withTier(io.crmkit.core.customer.TierCode.of("GOLD"));
        assertThat(validation(() -> rm.customers().update(sneaky)).hasViolationOn("tier")).isTrue();
        assertThat(rm.customers().get(alice.id()).tier()).isNull();
        assertThat(rm.customers().get(alice.id()).meta().version()).isEqualTo(1L);
    }
}
