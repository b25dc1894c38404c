package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.casework.BusinessCalendar;
import io.crmkit.core.casework.CaseKind;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.EscalationLevel;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.casework.Resolution;
import io.crmkit.core.casework.SatisfactionDimension;
import io.crmkit.core.casework.SatisfactionGroup;
import io.crmkit.core.casework.SatisfactionReport;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.casework.SlaEscalation;
import io.crmkit.core.casework.SlaMetric;
import io.crmkit.core.casework.SlaPolicyDefinition;
import io.crmkit.core.casework.SlaTarget;
import io.crmkit.core.casework.SlaTick;
import io.crmkit.core.casework.SurveyOutcome;
import io.crmkit.core.casework.SurveyResponse;
import io.crmkit.core.casework.SurveyRule;
import io.crmkit.core.casework.Threshold;
import io.crmkit.core.casework.TimeWindow;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.task.Task;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service desk (服务管理): a complaint phoned in on a Friday evening runs through the firm's
 * "every complaint answered within 24 hours" SLA on a scripted clock — a warning to the
 * relationship manager at 75%, the breach escalated to the team lead, 150% to the branch manager —
 * is answered and resolved on Monday, and its satisfaction survey — sent through the firm's contact
 * policy, which checks the customer's consent to surveys by e-mail — comes back from a detractor and
 * raises a follow-up; then CSAT and NPS by category.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.crmkit.examples.ServiceDesk}
 */
public final class ServiceDesk {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final StaffId RM = StaffId.of("li.na");
    static final StaffId LEAD = StaffId.of("wang.qiang");
    static final StaffId MANAGER = StaffId.of("chen.jie");
    static final OrgUnitId TEAM = OrgUnitId.of("sh-ljz-wealth-1");

    /** What the run produced, for the example's test. */
    public record Desk(ServiceCase complaint, List<SlaTick> ticks, SurveyOutcome survey, List<Task> followUps,
            SatisfactionReport report) {}

    private ServiceDesk() {}

    public static void main(String[] args) {
        run(InMemoryCrmStore.create(), System.out);
    }

    /** A clock the desk moves by hand, so the SLA runs deterministically. */
    static final class ScriptedClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>();

        void at(String localTime) {
            now.set(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant());
        }

        @Override public ZoneId getZone() { return SHANGHAI; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now.get(); }
    }

    public static Desk run(CrmStore store, PrintStream out) {
        ScriptedClock clock = new ScriptedClock();
        clock.at("2026-12-01T09:00");
        Crm crm = Crm.builder().store(store).clock(clock).zone(SHANGHAI).build();
        CrmSession admin = crm.as(Actor.system("service-desk-setup"));
        organisation(admin);
        admin.cases().definePolicy(complaints());
        CrmSession rm = crm.as(Actor.staff(RM, TEAM, "RM"));
        CrmSession monitor = crm.as(Actor.system("sla-monitor"));

        out.println("=== Service desk: a complaint through its 24-hour SLA");
        CustomerId zhang = rm.customers().register(NewCustomer.individual("Zhang Wei").localName("张伟").owner(RM)
                .branch(TEAM).active().build()).id();
        // The customer agreed to satisfaction surveys by e-mail (the contact policy checks it).
        rm.consents().capture(NewConsent.grant(zhang, ContactPointKind.EMAIL, ConsentPurpose.SURVEY, "account-opening").build());
        clock.at("2026-12-04T17:30"); // Friday evening
        ServiceCase complaint = rm.cases().open(NewCase.of(zhang, CaseKind.COMPLAINT, Channel.PHONE, "fees")
                .subject("Charged twice for the fund switch"));
        out.println("Opened " + complaint.kind() + " under policy " + complaint.sla().id() + ", breach due "
                + local(complaint.breachAt()));

        List<SlaTick> ticks = new ArrayList<>();
        for (String at : List.of("2026-12-05T08:00", "2026-12-05T11:30", "2026-12-05T17:30", "2026-12-06T05:30")) {
            clock.at(at);
            SlaTick tick = monitor.cases().tick(clock.instant());
            ticks.add(tick);
            for (SlaEscalation e : tick.escalations()) {
                out.println(local(tick.now()) + "  " + e.timer() + " at " + e.percent() + "% ("
                        + (e.breach() ? "breach" : "warning") + ") -> " + e.level() + " " + e.notified());
            }
        }
        out.println("Open cases on the 360 view: " + rm.customers().view(zhang).openCases().stream()
                .map(v -> v.serviceCase().id() + " " + v.sla()).toList());

        clock.at("2026-12-07T09:00"); // Monday: the RM calls back
        rm.cases().moveTo(complaint.id(), CaseStatus.IN_PROGRESS);
        clock.at("2026-12-07T15:00");
        ServiceCase resolved = rm.cases().resolve(complaint.id(), Resolution.of("duplicate-charge",
                "Refunded the second switch fee"));
        out.println("Resolved with root cause " + resolved.resolution().rootCause() + "; resolution timer "
                + (resolved.timers().stream().filter(t -> t.metric() == SlaMetric.RESOLUTION).allMatch(t -> t.stopped())
                        ? "stopped" : "running"));

        SurveyOutcome survey = rm.cases().sendSurvey(complaint.id(), Channel.EMAIL);
        out.println("Survey: " + survey.reason());
        clock.at("2026-12-07T19:00");
        rm.cases().recordSurveyResponse(complaint.id(), SurveyResponse.of(4, 2, "Took too long to hear back"));
        List<Task> followUps = rm.tasks().openTasks(RM).stream().filter(t -> t.title().startsWith("Detractor")).toList();
        out.println("Detractor follow-up for " + RM + ": " + followUps.size() + " task(s)");

        otherAnswers(rm, clock);
        SatisfactionReport report = rm.cases().satisfaction(SatisfactionDimension.CATEGORY,
                LocalDateTime.parse("2026-12-01T00:00").atZone(SHANGHAI).toInstant(), clock.instant());
        for (SatisfactionGroup g : report.groups()) {
            out.printf("CSAT/NPS %-8s answers %d  NPS %+.1f  CSAT %.2f (%.0f%% satisfied)%n", g.key(), g.responses(), g.nps(),
                    g.csatAverage(), g.csatPercent());
        }
        out.printf("All       answers %d  NPS %+.1f%n", report.total().responses(), report.total().nps());
        return new Desk(rm.cases().get(complaint.id()), ticks, survey, followUps, report);
    }

    private static void organisation(CrmSession s) {
        s.organisation().addUnit(OrgUnitId.of("ho"), "Head office", OrgUnitType.HEAD_OFFICE, null);
        s.organisation().addUnit(OrgUnitId.of("sh-ljz"), "Shanghai Lujiazui branch", OrgUnitType.BRANCH, OrgUnitId.of("ho"));
        s.organisation().addUnit(TEAM, "Wealth team 1", OrgUnitType.TEAM, OrgUnitId.of("sh-ljz"));
        s.organisation().addStaff(RM, "Li Na", TEAM, Set.of("RM"));
        s.organisation().addStaff(LEAD, "Wang Qiang", TEAM, Set.of("TEAM_LEAD"));
        s.organisation().addStaff(MANAGER, "Chen Jie", OrgUnitId.of("sh-ljz"), Set.of("BRANCH_MANAGER"));
    }

    /** The firm's complaint policy, as data. */
    static SlaPolicyDefinition complaints() {
        BusinessCalendar office = BusinessCalendar.weekdays("cn-office", SHANGHAI, TimeWindow.of("09:00", "12:00"),
                TimeWindow.of("13:00", "18:00"));
        return SlaPolicyDefinition.builder("complaints", "Complaints: answered within 24 hours").kinds(CaseKind.COMPLAINT)
                .target(new SlaTarget("complaint-24h", SlaMetric.FIRST_RESPONSE, Duration.ofHours(24),
                        BusinessCalendar.always("24x7", SHANGHAI), List.of(Threshold.of(75, EscalationLevel.OWNER),
                                Threshold.of(100, EscalationLevel.TEAM_LEAD),
                                Threshold.of(150, EscalationLevel.BRANCH_MANAGER))))
                .target(new SlaTarget("resolution", SlaMetric.RESOLUTION, Duration.ofHours(24), office,
                        List.of(Threshold.of(80, EscalationLevel.OWNER))))
                .pauseOn(CaseStatus.WAITING_ON_CUSTOMER).survey(SurveyRule.of(1, Duration.ofDays(30))).build();
    }

    /** A few more answered cases, so the report has something to compare. */
    private static void otherAnswers(CrmSession rm, ScriptedClock clock) {
        int[][] scores = {{10, 5}, {9, 5}, {8, 4}, {6, 3}};
        String[] categories = {"fees", "app-login", "app-login", "fees"};
        for (int i = 0; i < scores.length; i++) {
            CustomerId c = rm.customers().register(NewCustomer.individual("Customer " + i).owner(RM).branch(TEAM).active()
                    .build()).id();
            ServiceCase k = rm.cases().open(NewCase.of(c, CaseKind.SERVICE_REQUEST, Channel.APP, categories[i]));
            rm.cases().resolve(k.id(), Resolution.of("explained", null));
            rm.cases().recordSurveyResponse(k.id(), SurveyResponse.of(scores[i][0], scores[i][1], null));
            clock.at("2026-12-07T19:0" + (i + 1));
        }
    }

    private static String local(Instant at) {
        return at == null ? "-" : LocalDateTime.ofInstant(at, SHANGHAI).toString().replace('T', ' ');
    }
}
