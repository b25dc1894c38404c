package io.crmkit.core.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Satisfaction surveys of resolved cases: once per case, a cap per customer, detractor follow-up, CSAT and NPS. */
@DisplayName("Satisfaction surveys and NPS")
class SurveysTest {
    static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    static final StaffId RM = StaffId.of("rm-1");
    static final StaffId RM2 = StaffId.of("rm-2");
    final ScriptedClock clock = new ScriptedClock(T0);
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    CrmSession desk;

    @BeforeEach
    void firm() {
        Crm crm = Crm.builder().clock(clock).listener(events::add).build();
        desk = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        desk.organisation().addUnit(OrgUnitId.of("ho"), "Head office", OrgUnitType.HEAD_OFFICE, null);
        desk.organisation().addUnit(OrgUnitId.of("br-1"), "Branch", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        desk.organisation().addUnit(OrgUnitId.of("t-1"), "Team 1", OrgUnitType.TEAM, OrgUnitId.of("br-1"));
        desk.organisation().addUnit(OrgUnitId.of("t-2"), "Team 2", OrgUnitType.TEAM, OrgUnitId.of("br-1"));
        desk.organisation().addStaff(RM, "RM one", OrgUnitId.of("t-1"), Set.of("RM"));
        desk.organisation().addStaff(RM2, "RM two", OrgUnitId.of("t-2"), Set.of("RM"));
        desk.cases().definePolicy(SlaPolicyDefinition.builder("std", "Standard")
                .target(new SlaTarget("resolution", SlaMetric.RESOLUTION, Duration.ofHours(8),
                        BusinessCalendar.always("24x7", java.time.ZoneOffset.UTC), List.of()))
                .survey(SurveyRule.of(1, Duration.ofDays(30))).build());
    }

    CustomerId customer(StaffId owner, String team) {
        CustomerId id = desk.customers().register(NewCustomer.individual("Surveyed").owner(owner).branch(OrgUnitId.of(team))
                .active().build()).id();
        desk.consents().capture(io.crmkit.core.consent.NewConsent.grant(id, io.crmkit.core.consent.ContactPointKind.EMAIL,
                io.crmkit.core.customer.ConsentPurpose.SURVEY, "branch-form").build());
        return id;
    }

    @Test
    @DisplayName("the contact policy decides last: without consent for surveys by SMS the survey is not sent, and the attempt is logged")
    void throughTheContactPolicy() {
        ServiceCase c = resolved(customer(RM, "t-1"), "fees");

        SurveyOutcome bySms = desk.cases().sendSurvey(c.id(), Channel.SMS);

        assertThat(bySms.sent()).isFalse();
        assertThat(bySms.reason()).isEqualTo("contact-policy:no-consent");
        assertThat(desk.cases().get(c.id()).survey()).isNull();
        assertThat(desk.contactPolicy().contactLog(c.customerId(), T0.minusSeconds(1), T0.plusSeconds(1)))
                .singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(io.crmkit.core.consent.ContactOutcome.REFUSED));
        assertThat(desk.cases().sendSurvey(c.id(), Channel.EMAIL).sent()).isTrue();
        assertThat(desk.contactPolicy().contactLog(c.customerId(), T0.minusSeconds(1), T0.plusSeconds(1))).hasSize(2);
    }

    ServiceCase resolved(CustomerId c, String category) {
        ServiceCase open = desk.cases().open(NewCase.of(c, CaseKind.SERVICE_REQUEST, Channel.PHONE, category));
        return desk.cases().resolve(open.id(), Resolution.of("fixed", null));
    }

    @Test
    @DisplayName("a resolved case is surveyed once; a second resolved case of the customer within 30 days is capped")
    void oncePerCaseAndCapped() {
        CustomerId c = customer(RM, "t-1");
        ServiceCase first = resolved(c, "fees");
        ServiceCase open = desk.cases().open(NewCase.of(c, CaseKind.ENQUIRY, Channel.WEB, "fees"));

        assertThat(desk.cases().sendSurvey(first.id(), Channel.EMAIL)).isEqualTo(new SurveyOutcome(first.id(), true, "sent"));
        assertThat(desk.cases().sendSurvey(first.id(), Channel.EMAIL).reason()).isEqualTo("already-surveyed");
        clock.advance(Duration.ofDays(10));
        ServiceCase second = resolved(c, "fees");
        assertThat(desk.cases().sendSurvey(second.id(), Channel.EMAIL).reason()).isEqualTo("capped");
        assertThat(desk.cases().get(second.id()).survey()).isNull();
        assertThatThrownBy(() -> desk.cases().sendSurvey(open.id(), Channel.EMAIL)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("status"));
        clock.advance(Duration.ofDays(21));
        assertThat(desk.cases().sendSurvey(second.id(), Channel.EMAIL).sent()).as("after the window").isTrue();
    }

    @Test
    @DisplayName("a detractor's answer raises a follow-up task for the owner; a second answer is refused; the comment stays out of toString")
    void detractorFollowUp() {
        ServiceCase c = resolved(customer(RM, "t-1"), "fees");
        desk.cases().sendSurvey(c.id(), Channel.EMAIL);

        ServiceCase answered = desk.cases().recordSurveyResponse(c.id(), SurveyResponse.of(3, 2, "Canary-comment-9Z"));

        assertThat(answered.survey().score()).isEqualTo(3);
        assertThat(answered.survey().comment()).isEqualTo("Canary-comment-9Z");
        assertThat(answered.toString()).doesNotContain("Canary");
        assertThat(answered.survey().toString()).doesNotContain("Canary");
        assertThat(desk.tasks().openTasks(RM)).extracting(Task::title).containsExactly("Detractor follow-up: case " + c.id());
        assertThat(events).filteredOn(e -> e instanceof CrmEvent.SurveyAnswered).singleElement()
                .satisfies(e -> assertThat(((CrmEvent.SurveyAnswered) e).detractor()).isTrue())
                .satisfies(e -> assertThat(e.toString()).doesNotContain("Canary"));
        assertThatThrownBy(() -> desk.cases().recordSurveyResponse(c.id(), SurveyResponse.of(10, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("survey"));
        assertThatThrownBy(() -> SurveyResponse.of(11, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> SurveyResponse.of(null, null, "only words")).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("NPS is % promoters − % detractors and CSAT the mean and share of 4–5, by team, category and branch")
    void npsAndCsat() {
        record Answer(StaffId owner, String team, String category, Integer score, Integer csat) {}
        List<Answer> answers = List.of(new Answer(RM, "t-1", "fees", 10, 5), new Answer(RM, "t-1", "fees", 9, 4),
                new Answer(RM, "t-1", "app", 7, 3), new Answer(RM, "t-1", "app", 3, 2),
                new Answer(RM2, "t-2", "fees", 6, null), new Answer(RM2, "t-2", "fees", null, 5));
        for (Answer a : answers) {
            ServiceCase c = resolved(customer(a.owner(), a.team()), a.category());
            desk.cases().recordSurveyResponse(c.id(), SurveyResponse.of(a.score(), a.csat(), null));
            clock.advance(Duration.ofMinutes(1));
        }

        SatisfactionReport byTeam = desk.cases().satisfaction(SatisfactionDimension.TEAM, T0, clock.instant());
        assertThat(byTeam.groups()).extracting(SatisfactionGroup::key).containsExactly("t-1", "t-2");
        SatisfactionGroup t1 = byTeam.groups().get(0);
        assertThat(t1.nps()).isEqualTo(25.0); // 2 promoters, 1 detractor of 4
        assertThat(t1.csatAverage()).isEqualTo(3.5);
        assertThat(t1.csatPercent()).isEqualTo(50.0);
        SatisfactionGroup t2 = byTeam.groups().get(1);
        assertThat(t2.nps()).isEqualTo(-100.0);
        assertThat(t2.csatPercent()).isEqualTo(100.0);
        assertThat(byTeam.total().responses()).isEqualTo(6);
        assertThat(byTeam.total().nps()).isEqualTo(100.0 * (2 - 2) / 5);

        SatisfactionReport byCategory = desk.cases().satisfaction(SatisfactionDimension.CATEGORY, T0, clock.instant());
        assertThat(byCategory.groups()).extracting(SatisfactionGroup::key, SatisfactionGroup::responses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", 2), org.assertj.core.groups.Tuple.tuple("fees", 4));
        SatisfactionReport byBranch = desk.cases().satisfaction(SatisfactionDimension.BRANCH, T0, clock.instant());
        assertThat(byBranch.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("br-1");
            assertThat(g.detractors()).isEqualTo(2);
        });
        // The period is half-open: the last answer is outside [T0, its own instant).
        assertThat(desk.cases().satisfaction(SatisfactionDimension.TEAM, T0, T0.plusSeconds(60)).total().responses())
                .isEqualTo(1);
        assertThatThrownBy(() -> desk.cases().satisfaction(SatisfactionDimension.TEAM, T0, T0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to");
    }
}
