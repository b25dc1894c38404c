package io.crmkit.core.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cases and their SLAs on a scripted clock in Shanghai time: business hours across a weekend and
 * across the 2026 Spring Festival with its adjusted working days, pauses, a policy change mid-case,
 * warnings, breaches and the escalation chain owner → team lead → branch manager, the workflow's
 * refusals, and links.
 *
 * <p>Test data, not library data: the 2026 Spring Festival holiday as the State Council published
 * it (国办发明电〔2025〕7号, to our knowledge): 15–23 February 2026 off, Saturday 14 February and
 * Saturday 28 February working days (调休).
 */
@DisplayName("Cases with SLAs on a scripted clock")
class CaseSlaScenariosTest {
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar OFFICE = BusinessCalendar.weekdays("cn-office", SH, TimeWindow.of("09:00", "12:00"),
            TimeWindow.of("13:00", "18:00"));
    static final BusinessCalendar SPRING_2026 = OFFICE
            .withHolidays(dates("2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                    "2026-02-21", "2026-02-22", "2026-02-23"))
            .withAdjustedWorkingDays(dates("2026-02-14", "2026-02-28"));
    static final StaffId RM = StaffId.of("rm-1");
    static final StaffId LEAD = StaffId.of("tl-1");
    static final StaffId MANAGER = StaffId.of("bm-1");
    static final OrgUnitId TEAM = OrgUnitId.of("team-1");
    static final OrgUnitId LEADERLESS = OrgUnitId.of("team-2");

    final ScriptedClock clock = new ScriptedClock(local("2026-12-01T09:00"));
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    Crm crm;
    CrmSession desk;
    CustomerId customer;

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SH).toInstant();
    }

    static LocalDate[] dates(String... values) {
        return java.util.Arrays.stream(values).map(LocalDate::parse).toArray(LocalDate[]::new);
    }

    static SlaTarget target(String name, SlaMetric metric, Duration d, BusinessCalendar cal, Threshold... th) {
        return new SlaTarget(name, metric, d, cal, List.of(th));
    }

    @BeforeEach
    void firm() {
        crm = Crm.builder().clock(clock).listener(events::add).build();
        desk = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        desk.organisation().addUnit(OrgUnitId.of("ho"), "Head office", OrgUnitType.HEAD_OFFICE, null);
        desk.organisation().addUnit(OrgUnitId.of("br-1"), "Branch", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        desk.organisation().addUnit(TEAM, "Team 1", OrgUnitType.TEAM, OrgUnitId.of("br-1"));
        desk.organisation().addUnit(LEADERLESS, "Team 2", OrgUnitType.TEAM, OrgUnitId.of("br-1"));
        desk.organisation().addStaff(RM, "RM one", TEAM, Set.of("RM"));
        desk.organisation().addStaff(LEAD, "Lead one", TEAM, Set.of("TEAM_LEAD"));
        desk.organisation().addStaff(MANAGER, "Manager one", OrgUnitId.of("br-1"), Set.of("BRANCH_MANAGER"));
        desk.organisation().addStaff(StaffId.of("rm-2"), "RM two", LEADERLESS, Set.of("RM"));
        customer = desk.customers().register(NewCustomer.individual("Case Customer").owner(RM).branch(TEAM).active().build())
                .id();
        desk.cases().definePolicy(SlaPolicyDefinition.builder("standard", "Standard service")
                .target(target("first-response", SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), OFFICE,
                        Threshold.of(75, EscalationLevel.OWNER), Threshold.of(100, EscalationLevel.TEAM_LEAD)))
                .target(target("resolution", SlaMetric.RESOLUTION, Duration.ofHours(16), SPRING_2026,
                        Threshold.of(80, EscalationLevel.OWNER), Threshold.of(100, EscalationLevel.TEAM_LEAD)))
                .pauseOn(CaseStatus.WAITING_ON_CUSTOMER).survey(SurveyRule.of(1, Duration.ofDays(30))).build());
        desk.cases().definePolicy(SlaPolicyDefinition.builder("complaints", "Complaints: answered within 24 hours")
                .kinds(CaseKind.COMPLAINT).rank(10)
                .target(target("complaint-24h", SlaMetric.FIRST_RESPONSE, Duration.ofHours(24),
                        BusinessCalendar.always("24x7", SH), Threshold.of(75, EscalationLevel.OWNER),
                        Threshold.of(100, EscalationLevel.TEAM_LEAD), Threshold.of(150, EscalationLevel.BRANCH_MANAGER)))
                .target(target("resolution", SlaMetric.RESOLUTION, Duration.ofHours(40), OFFICE))
                .build());
        desk.cases().definePolicy(SlaPolicyDefinition.builder("vip", "Platinum customers").rank(20).tiers("PLATINUM")
                .target(target("resolution", SlaMetric.RESOLUTION, Duration.ofHours(8), BusinessCalendar.always("24x7", SH)))
                .target(target("callback", SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always("24x7", SH)))
                .build());
    }

    ServiceCase openAt(String localTime, CaseKind kind) {
        clock.set(local(localTime));
        return desk.cases().open(NewCase.of(customer, kind, Channel.PHONE, "fees"));
    }

    static SlaTimer timer(ServiceCase c, String name) {
        return c.timers().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("business calendars")
    class Calendars {
        @Test
        @DisplayName("a first response due in 4 business hours on Friday 16:00 falls due on Monday 11:00, warned at 10:00")
        void acrossAWeekend() {
            ServiceCase c = openAt("2026-12-04T16:00", CaseKind.SERVICE_REQUEST);

            assertThat(c.sla().id()).isEqualTo(SlaPolicyId.of("standard"));
            assertThat(timer(c, "first-response").breachAt()).isEqualTo(local("2026-12-07T11:00"));
            assertThat(timer(c, "first-response").nextDueAt()).isEqualTo(local("2026-12-07T10:00"));
            assertThat(c.nextDueAt()).isEqualTo(local("2026-12-07T10:00"));
        }

        @Test
        @DisplayName("16 business hours from Friday 13 February 17:00 end on 24 February 17:00: the adjusted Saturday counts, the festival does not")
        void acrossTheSpringFestival() {
            ServiceCase c = openAt("2026-02-13T17:00", CaseKind.SERVICE_REQUEST);

            // Fri 1h + Sat 14th (调休 working day) 8h + Tue 24th 7h = 16h.
            assertThat(timer(c, "resolution").breachAt()).isEqualTo(local("2026-02-24T17:00"));
            // Without the adjusted working day the same target ends a day later.
            BusinessCalendar noAdjustment = OFFICE.withHolidays(SPRING_2026.holidays().toArray(LocalDate[]::new));
            assertThat(noAdjustment.plus(local("2026-02-13T17:00"), Duration.ofHours(16))).isEqualTo(local("2026-02-25T17:00"));
            // Fri 8h + Sat 8h + Tue–Fri 32h + Sat 28th 8h; Sunday 1 March is off.
            assertThat(SPRING_2026.between(local("2026-02-13T09:00"), local("2026-03-02T09:00"))).isEqualTo(Duration.ofHours(56));
            assertThat(SPRING_2026.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
            assertThat(SPRING_2026.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();
        }

        @Test
        @DisplayName("a calendar refuses a date that is both holiday and working day, and overlapping windows, naming the field")
        void refusesBadCalendars() {
            assertThatThrownBy(() -> OFFICE.withHolidays(dates("2026-02-14")).withAdjustedWorkingDays(dates("2026-02-14")))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violations()).extracting(v -> v.field()).contains("calendar.adjustedWorkingDays"));
            assertThatThrownBy(() -> BusinessCalendar.weekdays("x", SH, TimeWindow.of("09:00", "12:00"),
                    TimeWindow.of("11:00", "13:00"))).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violations()).extracting(v -> v.rule()).contains("NoOverlap"));
            assertThatThrownBy(() -> TimeWindow.of("9am", "12:00")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("window.start");
        }
    }

    @Nested
    @DisplayName("timers")
    class Timers {
        @Test
        @DisplayName("waiting on the customer pauses the resolution timer: 2 hours before, 6 after resuming Tuesday 14:00, due Wednesday 11:00")
        void pauses() {
            ServiceCase c = openAt("2026-12-07T09:00", CaseKind.SERVICE_REQUEST);
            desk.cases().applyPolicy(c.id(), SlaPolicyId.of("standard"));
            clock.set(local("2026-12-07T10:00"));
            ServiceCase started = desk.cases().moveTo(c.id(), CaseStatus.IN_PROGRESS);
            assertThat(timer(started, "first-response").stopped()).isTrue();
            assertThat(started.firstRespondedAt()).isEqualTo(local("2026-12-07T10:00"));

            clock.set(local("2026-12-07T11:00"));
            ServiceCase waiting = desk.cases().moveTo(c.id(), CaseStatus.WAITING_ON_CUSTOMER);
            assertThat(timer(waiting, "resolution").elapsed()).isEqualTo(Duration.ofHours(2));
            assertThat(timer(waiting, "resolution").running()).isFalse();
            assertThat(waiting.breachAt()).isNull();
            clock.set(local("2026-12-08T10:00"));
            assertThat(desk.cases().casesFor(customer)).singleElement().extracting(CaseView::sla).isEqualTo(SlaState.PAUSED);

            clock.set(local("2026-12-08T14:00"));
            ServiceCase resumed = desk.cases().moveTo(c.id(), CaseStatus.IN_PROGRESS);
            // 16h target: 2h on Monday, then Tue 14–18 (4h), Wed 9–12 (3h) ... 16h needs 10h more: Wed 9–12, 13–18, Thu 9–11.
            assertThat(timer(resumed, "resolution").breachAt()).isEqualTo(local("2026-12-10T11:00"));
        }

        @Test
        @DisplayName("changing the policy mid-case keeps the elapsed 6 hours and counts the rest on the new calendar")
        void policyChangeKeepsElapsed() {
            ServiceCase c = openAt("2026-12-07T09:00", CaseKind.SERVICE_REQUEST);
            clock.set(local("2026-12-07T16:00"));

            ServiceCase vip = desk.cases().applyPolicy(c.id(), SlaPolicyId.of("vip"));

            assertThat(vip.sla().id()).isEqualTo(SlaPolicyId.of("vip"));
            assertThat(timer(vip, "resolution").elapsed()).isEqualTo(Duration.ofHours(6)); // 9–12, 13–16 on office hours
            // 8h target round the clock: 2h left from 16:00.
            assertThat(timer(vip, "resolution").breachAt()).isEqualTo(local("2026-12-07T18:00"));
            assertThat(vip.timers()).extracting(SlaTimer::name).containsExactlyInAnyOrder("resolution", "callback");
            assertThat(timer(vip, "callback").breachAt()).isEqualTo(local("2026-12-07T17:00"));
        }

        @Test
        @DisplayName("policies apply by kind and tier, the highest rank winning; none applying leaves the case without timers")
        void applicability() {
            assertThat(openAt("2026-12-07T09:00", CaseKind.COMPLAINT).sla().id()).isEqualTo(SlaPolicyId.of("complaints"));
            assertThat(openAt("2026-12-07T09:00", CaseKind.ENQUIRY).sla().id()).isEqualTo(SlaPolicyId.of("standard"));
            Crm bare = Crm.builder().clock(clock).build();
            CrmSession s = bare.as(Actor.system("job"));
            CustomerId other = s.customers().register(NewCustomer.individual("Other").active().build()).id();
            ServiceCase none = s.cases().open(NewCase.of(other, CaseKind.ENQUIRY, Channel.WEB, "fees"));
            assertThat(none.sla()).isNull();
            assertThat(none.timers()).isEmpty();
            assertThat(s.cases().casesFor(other)).singleElement().extracting(CaseView::sla).isEqualTo(SlaState.NONE);
        }
    }

    @Nested
    @DisplayName("warnings, breaches and escalation")
    class Escalation {
        @Test
        @DisplayName("a complaint opened Saturday 10:00 warns the owner at 18h, tells the team lead at 24h and the branch manager at 36h")
        void escalationChain() {
            ServiceCase c = openAt("2026-12-05T10:00", CaseKind.COMPLAINT);
            assertThat(desk.cases().nextBreaches(10)).extracting(v -> v.serviceCase().id()).contains(c.id());

            assertThat(desk.cases().tick(local("2026-12-06T03:59")).escalations()).isEmpty();
            SlaTick warning = desk.cases().tick(local("2026-12-06T04:00"));
            assertThat(warning.escalations()).singleElement().satisfies(e -> {
                assertThat(e.percent()).isEqualTo(75);
                assertThat(e.breach()).isFalse();
                assertThat(e.notified()).isEqualTo(RM);
            });
            assertThat(desk.customers().view(customer).openCases()).as("at opening").singleElement()
                    .extracting(CaseView::sla).isEqualTo(SlaState.ON_TRACK);
            clock.set(local("2026-12-06T04:00"));
            assertThat(desk.customers().view(customer).openCases()).singleElement().extracting(CaseView::sla)
                    .isEqualTo(SlaState.WARNING);
            assertThat(desk.cases().tick(local("2026-12-06T09:00")).escalations()).as("nothing twice").isEmpty();

            SlaTick breach = desk.cases().tick(local("2026-12-06T10:00"));
            assertThat(breach.breaches()).isEqualTo(1);
            assertThat(breach.escalations().get(0).notified()).isEqualTo(LEAD);
            assertThat(desk.cases().tick(local("2026-12-06T22:00")).escalations()).singleElement()
                    .satisfies(e -> assertThat(e.notified()).isEqualTo(MANAGER));

            assertThat(desk.tasks().openTasks(RM)).extracting(Task::title).anyMatch(t -> t.contains("warning 75%"));
            assertThat(desk.tasks().openTasks(LEAD)).extracting(Task::title).anyMatch(t -> t.contains("breach 100%"));
            assertThat(desk.tasks().openTasks(MANAGER)).extracting(Task::title).anyMatch(t -> t.contains("breach 150%"));
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.SlaThresholdReached).extracting(
                    e -> ((CrmEvent.SlaThresholdReached) e).level()).containsExactly(EscalationLevel.OWNER,
                            EscalationLevel.TEAM_LEAD, EscalationLevel.BRANCH_MANAGER);
            assertThat(desk.customers().view(customer).openCases()).singleElement().extracting(CaseView::sla)
                    .isEqualTo(SlaState.BREACHED);
            assertThat(timer(desk.cases().get(c.id()), "complaint-24h").nextDueAt()).as("no threshold left").isNull();
        }

        @Test
        @DisplayName("one late tick announces every threshold passed since, in order; a team without a lead escalates to the branch manager")
        void lateTickAndFallback() {
            clock.set(local("2026-12-05T10:00"));
            ServiceCase c = desk.cases().open(NewCase.of(customer, CaseKind.COMPLAINT, Channel.APP, "fees")
                    .owner(StaffId.of("rm-2")));
            assertThat(c.team()).isEqualTo(LEADERLESS);

            SlaTick late = desk.cases().tick(local("2026-12-08T10:00"));

            assertThat(late.escalations()).extracting(SlaEscalation::percent).containsExactly(75, 100, 150);
            assertThat(late.escalations()).extracting(SlaEscalation::notified)
                    .containsExactly(StaffId.of("rm-2"), MANAGER, MANAGER);
        }

        @Test
        @DisplayName("answering the complaint in time stops its 24-hour timer: no breach is announced later")
        void metInTime() {
            ServiceCase c = openAt("2026-12-05T10:00", CaseKind.COMPLAINT);
            clock.set(local("2026-12-05T20:00"));
            desk.cases().moveTo(c.id(), CaseStatus.IN_PROGRESS);

            assertThat(desk.cases().tick(local("2026-12-20T10:00")).escalations()).extracting(SlaEscalation::timer)
                    .doesNotContain("complaint-24h");
            assertThat(timer(desk.cases().get(c.id()), "complaint-24h").stoppedAt()).isEqualTo(local("2026-12-05T20:00"));
        }
    }

    @Nested
    @DisplayName("workflow and links")
    class Workflow {
        @Test
        @DisplayName("an illegal step is refused on field status naming both states, and changes nothing")
        void illegalSteps() {
            ServiceCase c = openAt("2026-12-07T09:00", CaseKind.ENQUIRY);
            assertThatThrownBy(() -> desk.cases().moveTo(c.id(), CaseStatus.CLOSED))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                            .satisfies(v -> {
                                assertThat(v.field()).isEqualTo("status");
                                assertThat(v.message()).contains("NEW").contains("CLOSED");
                            }));
            assertThatThrownBy(() -> desk.cases().moveTo(c.id(), CaseStatus.RESOLVED)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("resolve()");
            desk.cases().resolve(c.id(), Resolution.of("explained", "Explained the fee schedule"));
            ServiceCase closed = desk.cases().moveTo(c.id(), CaseStatus.CLOSED);
            assertThatThrownBy(() -> desk.cases().moveTo(c.id(), CaseStatus.IN_PROGRESS))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> desk.cases().assign(c.id(), LEAD, null)).isInstanceOf(ValidationException.class);
            assertThat(desk.cases().get(c.id())).isEqualTo(closed);
            assertThat(closed.resolution().rootCause()).isEqualTo("explained");
            assertThat(closed.timers()).allMatch(SlaTimer::stopped);
        }

        @Test
        @DisplayName("a reopened case runs its resolution timer on from the time already used")
        void reopen() {
            ServiceCase c = openAt("2026-12-07T09:00", CaseKind.SERVICE_REQUEST);
            clock.set(local("2026-12-07T11:00"));
            desk.cases().resolve(c.id(), Resolution.of("fixed", null));
            clock.set(local("2026-12-08T09:00"));
            ServiceCase reopened = desk.cases().moveTo(c.id(), CaseStatus.IN_PROGRESS);

            assertThat(reopened.resolution()).isNull();
            assertThat(timer(reopened, "resolution").elapsed()).isEqualTo(Duration.ofHours(2));
            assertThat(timer(reopened, "resolution").running()).isTrue();
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.CaseStatusChanged).hasSize(2);
        }

        @Test
        @DisplayName("links must be the customer's own records: another customer's is refused, an unknown one is absent")
        void links() {
            ServiceCase c = openAt("2026-12-07T09:00", CaseKind.SERVICE_REQUEST);
            var mine = desk.interactions().record(NewInteraction.of(customer, Channel.PHONE, Direction.INBOUND).subject("Call").build());
            CustomerId otherCustomer = desk.customers().register(NewCustomer.individual("Someone Else").owner(RM).active().build()).id();
            var theirs = desk.interactions().record(NewInteraction.of(otherCustomer, Channel.PHONE, Direction.INBOUND)
                    .subject("Call").build());

            ServiceCase linked = desk.cases().link(c.id(), CaseLinks.none().interaction(mine.id()));

            assertThat(linked.links().interactionId()).isEqualTo(mine.id());
            assertThatThrownBy(() -> desk.cases().link(c.id(), CaseLinks.none().interaction(theirs.id())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field()).containsExactly("links.interactionId"));
            assertThatThrownBy(() -> desk.cases().link(c.id(), CaseLinks.none().interaction(
                    io.crmkit.core.interaction.InteractionId.of("nope")))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> desk.cases().get(CaseId.of("missing"))).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("missing");
        }
    }
}
