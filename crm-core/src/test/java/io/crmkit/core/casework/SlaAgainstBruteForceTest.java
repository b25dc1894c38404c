package io.crmkit.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SLA timers against a brute-force reference: random calendars (zones, weekdays, one to three
 * windows, holidays, adjusted working days), random status histories with pauses and a policy
 * change half way, and SLA ticks at random instants, run through the real service on a scripted
 * clock; the reference walks the same history minute by minute, counting a minute when the timer
 * runs and the calendar in force has that minute as working time. Asserted: each threshold is
 * announced by exactly the first tick at or after the minute the reference says it was crossed,
 * no threshold the reference has not crossed is announced, and the breach instant the case shows
 * for its running timer is the reference's.
 */
@DisplayName("SLA timers agree with a minute-by-minute brute force over random cases")
class SlaAgainstBruteForceTest {
    private static final long SEED = 20261202L;
    private static final int CASES = 120;
    private static final int[] PERCENTS = {50, 75, 100, 150};
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("+08:00"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("-05:00"));
    private static final Set<CaseStatus> PAUSABLE = EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER,
            CaseStatus.WAITING_ON_THIRD_PARTY);

    /** One scripted event: at minute {@code minute} after opening, a status move, a resolve, a policy change or a tick. */
    private record Event(int minute, String kind, CaseStatus status) {}

    @Test
    @DisplayName("every announced threshold and breach instant matches the brute force, over 120 random cases")
    void randomCasesMatchBruteForce() {
        Random random = new Random(SEED);
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        ScriptedClock clock = new ScriptedClock(start);
        List<io.crmkit.core.event.CrmEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Crm crm = Crm.builder().clock(clock).listener(seen::add).build();
        CrmSession desk = crm.as(Actor.staff(StaffId.of("rm-1"), OrgUnitId.of("team-1"), "RM"));
        int announced = 0;
        int breachesChecked = 0;
        for (int n = 0; n < CASES; n++) {
            Instant opened = start.plus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
            BusinessCalendar calA = calendar(random, "cal-a-" + n, opened);
            BusinessCalendar calB = random.nextBoolean() ? calendar(random, "cal-b-" + n, opened) : calA;
            int targetA = 4 * (5 + random.nextInt(400));
            int targetB = random.nextInt(3) == 0 ? 4 * (5 + random.nextInt(400)) : targetA;
            SlaMetric metric = random.nextBoolean() ? SlaMetric.RESOLUTION : SlaMetric.FIRST_RESPONSE;
            Set<CaseStatus> pauseA = pauses(random);
            Set<CaseStatus> pauseB = random.nextBoolean() ? pauses(random) : pauseA;
            desk.cases().definePolicy(policy("p-a-" + n, "cat-" + n, metric, targetA, calA, pauseA));
            desk.cases().definePolicy(policy("p-b-" + n, "other-" + n, metric, targetB, calB, pauseB));
            List<Event> events = script(random);
            int horizon = 30 * 24 * 60;

            clock.set(opened);
            CustomerId customer = desk.customers().register(NewCustomer.individual("Random " + n)
                    .owner(StaffId.of("rm-1")).branch(OrgUnitId.of("team-1")).active().build()).id();
            ServiceCase c = desk.cases().open(NewCase.of(customer, CaseKind.SERVICE_REQUEST, Channel.PHONE, "cat-" + n));
            Reference ref = new Reference(metric, calA, targetA, pauseA, opened);
            Map<Integer, Integer> announcedAtTick = new TreeMap<>(); // percent -> minute of the announcing step
            for (Event e : events) {
                seen.clear();
                Instant at = opened.plus(Duration.ofMinutes(e.minute()));
                clock.set(at);
                ref.runTo(e.minute());
                switch (e.kind()) {
                    case "tick" -> desk.cases().tick(at);
                    case "policy" -> {
                        desk.cases().applyPolicy(c.id(), SlaPolicyId.of("p-b-" + n));
                        ref.change(calB, targetB, pauseB);
                    }
                    case "resolve" -> {
                        desk.cases().resolve(c.id(), Resolution.of("fixed", null));
                        ref.status(CaseStatus.RESOLVED);
                    }
                    default -> {
                        desk.cases().moveTo(c.id(), e.status());
                        ref.status(e.status());
                    }
                }
                collect(seen, c.id(), e.minute(), announcedAtTick);
                breachesChecked += checkBreach(desk.cases().get(c.id()), ref, opened, n, announcedAtTick.containsKey(100));
            }
            ref.runTo(horizon);
            Instant end = opened.plus(Duration.ofMinutes(horizon));
            clock.set(end);
            seen.clear();
            desk.cases().tick(end);
            collect(seen, c.id(), horizon, announcedAtTick);
            // Where each crossed threshold is announced: the first tick at or after the crossing, or the
            // policy change if that comes first and the threshold was crossed under the old policy.
            Map<Integer, Integer> expected = new TreeMap<>();
            List<Event> points = new ArrayList<>(events.stream().filter(e -> e.kind().equals("tick")
                    || e.kind().equals("policy")).toList());
            points.add(new Event(horizon, "tick", CaseStatus.NEW));
            ref.crossed.forEach((percent, at) -> points.stream()
                    .filter(p -> p.minute() >= at[0] && (p.kind().equals("tick") || at[1] == 0))
                    .findFirst().ifPresent(p -> expected.put(percent, p.minute())));
            assertThat(announcedAtTick).as("case %d: thresholds announced (percent -> minute), history %s", n, events).isEqualTo(expected);
            announced += expected.size();

        }
        // Not a test that passes by announcing nothing: the random cases reach thresholds and run on to breaches.
        assertThat(announced).isGreaterThan(CASES);
        assertThat(breachesChecked).isGreaterThan(10);
    }

    /** The breach instant of a running, unbreached timer: the reference runs on until it crosses 100%. */
    private static int checkBreach(ServiceCase now, Reference ref, Instant opened, int n, boolean announced) {
        if (!announced && ref.runs() && ref.crossed.containsKey(100)) {
            // Crossed, not yet announced: overdue, so the next tick announces it.
            assertThat(now.breachAt()).as("case %d: overdue breach", n).isNotNull()
                    .isBeforeOrEqualTo(opened.plus(Duration.ofMinutes(ref.minute)));
            return 0;
        }
        Integer breachMinute = announced || !ref.runs() ? null : ref.minuteReaching(100);
        if (breachMinute == null) {
            assertThat(now.breachAt()).as("case %d: no breach ahead", n).isNull();
            return 0;
        }
        assertThat(now.breachAt()).as("case %d: breach instant", n).isEqualTo(opened.plus(Duration.ofMinutes(breachMinute)));
        return 1;
    }

    private static void collect(List<io.crmkit.core.event.CrmEvent> seen, CaseId id, int minute, Map<Integer, Integer> out) {
        for (io.crmkit.core.event.CrmEvent e : seen) {
            if (e instanceof io.crmkit.core.event.CrmEvent.SlaThresholdReached r && r.caseId().equals(id)) {
                assertThat(out.put(r.percent(), minute)).as("threshold %d announced twice", r.percent()).isNull();
            }
        }
    }

    private static SlaPolicyDefinition policy(String id, String category, SlaMetric metric, int targetMinutes,
            BusinessCalendar cal, Set<CaseStatus> pause) {
        List<Threshold> thresholds = new ArrayList<>();
        for (int p : PERCENTS) {
            thresholds.add(Threshold.of(p, EscalationLevel.OWNER));
        }
        return SlaPolicyDefinition.builder(id, "Policy " + id).categories(category)
                .target(new SlaTarget("timer", metric, Duration.ofMinutes(targetMinutes), cal, thresholds))
                .pauseOn(pause.toArray(CaseStatus[]::new)).build();
    }

    private static Set<CaseStatus> pauses(Random random) {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : PAUSABLE) {
            if (random.nextBoolean()) {
                out.add(s);
            }
        }
        if (random.nextInt(4) == 0) {
            out.add(CaseStatus.IN_PROGRESS);
        }
        return out;
    }

    private static BusinessCalendar calendar(Random random, String id, Instant around) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (random.nextInt(7) < 5) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            days.add(DayOfWeek.WEDNESDAY);
        }
        List<TimeWindow> windows = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        int cursor = random.nextInt(600);
        for (int i = 0; i < count && cursor < TimeWindow.DAY - 1; i++) {
            int end = Math.min(TimeWindow.DAY, cursor + 1 + random.nextInt(480));
            windows.add(new TimeWindow(cursor, end));
            cursor = end + random.nextInt(180);
        }
        LocalDate first = LocalDate.ofInstant(around, zone).minusDays(2);
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> adjusted = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            LocalDate d = first.plusDays(random.nextInt(60));
            if (random.nextInt(3) == 0) {
                holidays.add(d);
            } else if (!days.contains(d.getDayOfWeek()) && random.nextBoolean()) {
                adjusted.add(d);
            }
        }
        adjusted.removeAll(holidays);
        return new BusinessCalendar(id, zone, days, windows, holidays, adjusted);
    }

    /** A valid random status history with ticks between, and at most one policy change. */
    private static List<Event> script(Random random) {
        List<Event> out = new ArrayList<>();
        CaseStatus status = CaseStatus.NEW;
        int minute = 0;
        boolean changed = false;
        int steps = 3 + random.nextInt(10);
        for (int i = 0; i < steps && !status.isFinal(); i++) {
            minute += 1 + random.nextInt(3 * 24 * 60);
            int roll = random.nextInt(10);
            if (roll < 3) {
                out.add(new Event(minute, "tick", status));
            } else if (roll == 3 && !changed && !status.isFinal()) {
                out.add(new Event(minute, "policy", status));
                changed = true;
            } else {
                List<CaseStatus> next = new ArrayList<>(status.next());
                CaseStatus to = next.get(random.nextInt(next.size()));
                if (to == CaseStatus.CANCELLED && random.nextInt(4) != 0) {
                    continue; // cancel rarely, so most histories run long
                }
                out.add(new Event(minute, to == CaseStatus.RESOLVED ? "resolve" : "move", to));
                status = to;
            }
        }
        if (minute >= 30 * 24 * 60) {
            out.removeIf(e -> e.minute() >= 30 * 24 * 60);
        }
        return out;
    }

    /**
     * The brute force: the case's status, the calendar, target and pauses in force, and the
     * timer's elapsed working minutes, advanced one minute at a time. Written from the rules in
     * the Javadoc of {@link SlaMetric} and {@link SlaPolicyDefinition}, not from the library's code.
     */
    private static final class Reference {
        final SlaMetric metric;
        final Instant opened;
        BusinessCalendar cal;
        int target;
        Set<CaseStatus> pause;
        CaseStatus status = CaseStatus.NEW;
        boolean stopped;
        int minute;
        long elapsed;
        /** percent -> {minute crossed, 1 if crossed at a policy change under the new policy}. */
        final Map<Integer, int[]> crossed = new TreeMap<>();
        int changing;

        Reference(SlaMetric metric, BusinessCalendar cal, int target, Set<CaseStatus> pause, Instant opened) {
            this.metric = metric;
            this.cal = cal;
            this.target = target;
            this.pause = pause;
            this.opened = opened;
        }

        boolean runs() {
            return !stopped && !pause.contains(status);
        }

        boolean working(Instant t) {
            ZonedDateTime local = t.atZone(cal.zone());
            LocalDate d = local.toLocalDate();
            boolean day = cal.adjustedWorkingDays().contains(d)
                    || (cal.workingDays().contains(d.getDayOfWeek()) && !cal.holidays().contains(d));
            int m = local.getHour() * 60 + local.getMinute();
            return day && cal.hours().stream().anyMatch(w -> m >= w.startMinute() && m < w.endMinute());
        }

        void runTo(int until) {
            while (minute < until) {
                if (runs() && working(opened.plus(Duration.ofMinutes(minute)))) {
                    elapsed++;
                }
                minute++;
                check();
            }
        }

        void check() {
            for (int p : PERCENTS) {
                if (!crossed.containsKey(p) && elapsed * 100 >= (long) target * p) {
                    crossed.put(p, new int[] {minute, changing});
                }
            }
        }

        void status(CaseStatus to) {
            CaseStatus from = status;
            if (to.isFinal() || (metric == SlaMetric.FIRST_RESPONSE && from == CaseStatus.NEW)
                    || (metric == SlaMetric.RESOLUTION && to == CaseStatus.RESOLVED)) {
                stopped = true;
            } else if (metric == SlaMetric.RESOLUTION && from == CaseStatus.RESOLVED && to.isOpen()) {
                stopped = false;
            }
            status = to;
        }

        void change(BusinessCalendar newCal, int newTarget, Set<CaseStatus> newPause) {
            cal = newCal;
            target = newTarget;
            pause = newPause;
            changing = 1;
            check();
            changing = 0;
        }

        /** The minute the timer, running on from here with nothing changing, reaches {@code percent}; null if it does not run. */
        Integer minuteReaching(int percent) {
            if (crossed.containsKey(percent) || !runs()) {
                return null;
            }
            long e = elapsed;
            for (int m = minute; m < minute + 3_700 * 1_440; m++) {
                if (working(opened.plus(Duration.ofMinutes(m)))) {
                    e++;
                }
                if (e * 100 >= (long) target * percent) {
                    return m + 1;
                }
            }
            throw new AssertionError("no breach within ten years");
        }
    }
}
