package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.Rule;
import io.crmkit.core.signal.SignalEngine;
import io.crmkit.core.signal.SignalStats;
import io.crmkit.core.signal.TaskAction;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskPriority;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A trading desk: a brokerage feeds its simulated order and cash flow — trades, deposits and
 * withdrawals, transfers out, logins and failed logins, balance snapshots — into the real-time
 * engine, which raises alerts for the relationship managers, gives them tasks, records
 * interactions and wakes dormant customers, printing each alert as it fires.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.crmkit.examples.TradingDesk}.
 */
public final class TradingDesk {
    static final StaffId RM_A = StaffId.of("rm-017");
    static final StaffId RM_B = StaffId.of("rm-042");
    private static final Instant OPEN = Instant.parse("2026-11-02T01:30:00Z"); // 09:30 in Shanghai

    /** What a run produced. */
    public record Desk(long events, Map<String, Integer> alertsByRule, int tasks, int openForRmB, SignalStats stats,
            LifecycleStage dormantCustomerNow) {}

    private TradingDesk() {}

    public static void main(String[] args) {
        Clock clock = Clock.fixed(OPEN.plus(Duration.ofDays(40)), ZoneId.of("Asia/Shanghai"));
        run(InMemoryCrmStore.create(), clock, System.out);
    }

    static List<Rule> rules() {
        return List.of(
                Rule.parse("large-withdrawal", "withdrawal.sum(7d) + transfer_out.sum(7d) >= 0.5 * assets")
                        .withSeverity(AlertSeverity.HIGH).withInteraction(Channel.APP)
                        .withTask(TaskAction.of("Call: large outflow, ask about plans", TaskPriority.HIGH, Duration.ofHours(4))),
                Rule.parse("brute-force-login", "failed_login.count(10m) >= 3").withSeverity(AlertSeverity.CRITICAL)
                        .withSuppression(Duration.ofHours(1)).withCustomerNotice("security-check"),
                Rule.parse("back-from-dormant", "first trade after 90d dormant").withActivateDormant(true)
                        .withSuppression(Duration.ZERO)
                        .withTask(TaskAction.of("Welcome back call", TaskPriority.NORMAL, Duration.ofDays(2))),
                // five times the daily average, and large enough to matter: a new customer's first days are not spikes
                Rule.parse("turnover-spike", "turnover(1d) >= 5 * turnover.avg(30d) and turnover(1d) >= 250000")
                        .withSeverity(AlertSeverity.LOW),
                Rule.parse("margin-stress", "margin_call.count(3d) >= 2").withSeverity(AlertSeverity.HIGH)
                        .withTask(TaskAction.of("Review margin position", TaskPriority.URGENT, Duration.ofHours(1))));
    }

    public static Desk run(CrmStore store, Clock clock, PrintStream out) {
        Crm crm = Crm.builder().store(store).clock(clock).build();
        CrmSession desk = crm.as(Actor.staff(RM_A, OrgUnitId.of("br-sh-01"), "RM"));
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Customer c = desk.customers().register(NewCustomer.individual("Trader " + i).owner(i % 2 == 0 ? RM_A : RM_B)
                    .active().build());
            customers.add(c.id());
        }
        CustomerId sleeper = customers.get(7);
        desk.customers().changeLifecycle(sleeper, LifecycleStage.DORMANT, LocalDate.of(2026, 8, 1), "no trades since July");

        out.println("=== Trading desk: " + customers.size() + " customers, " + rules().size() + " rules");
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules())
                .listener(a -> out.println("ALERT " + a.severity() + " " + a.ruleId() + " customer=" + a.customerId()
                        + " owner=" + a.owner() + " at=" + a.raisedAt()))
                .customerNotices((a, template) -> out.println("NOTICE " + template + " to customer=" + a.customerId()))
                .build()) {
            // the host knows when the sleeper last traded: a baseline from its history
            engine.seedLastEvent(sleeper, io.crmkit.core.signal.EventKind.TRADE, Instant.parse("2026-07-10T02:00:00Z"));
            long events = feed(engine, customers, sleeper);
            engine.flush();
            Map<String, Integer> byRule = new TreeMap<>();
            int tasks = 0;
            for (CustomerId c : customers) {
                for (Alert a : crm.store().alerts().findByCustomer(c)) {
                    byRule.merge(a.ruleId(), 1, Integer::sum);
                }
                tasks += crm.store().tasks().findByCustomer(c).size();
            }
            // the scripted customers are rm-042's: their desk's open alerts and tasks
            CrmSession rmB = crm.as(Actor.staff(RM_B, OrgUnitId.of("br-sh-01"), "RM"));
            List<Alert> open = rmB.alerts().openAlerts(RM_B);
            out.println("=== " + events + " events, alerts by rule " + byRule + ", " + tasks + " tasks");
            out.println("=== " + RM_B + " has " + open.size() + " open alerts; first tasks:");
            for (Task t : rmB.tasks().openTasks(RM_B).stream().limit(3).toList()) {
                out.println("TASK " + t.priority() + " due " + t.dueAt() + " customer=" + t.customerId());
            }
            if (!open.isEmpty()) {
                Alert first = open.get(0);
                Alert acked = rmB.alerts().acknowledge(first.id(), first.meta().version());
                rmB.alerts().resolve(acked.id(), acked.meta().version(), "Spoke to the customer");
                out.println("=== resolved " + first.id());
            }
            SignalStats stats = engine.stats();
            out.println("=== stats " + stats);
            return new Desk(events, byRule, tasks, rmB.alerts().openAlerts(RM_B).size(), stats,
                    desk.customers().get(sleeper).lifecycle());
        }
    }

    /** A seeded day-by-day order and cash flow with a few customers doing something worth an alert. */
    private static long feed(SignalEngine engine, List<CustomerId> customers, CustomerId sleeper) {
        Random rnd = new Random(16);
        long n = 0;
        int seq = 0;
        for (int day = 0; day < 30; day++) {
            Instant morning = OPEN.plus(Duration.ofDays(day));
            for (int i = 0; i < customers.size(); i++) {
                CustomerId c = customers.get(i);
                AccountId acct = AccountId.of("brk-" + i);
                Instant t = morning.plusSeconds(i);
                if (day == 0) {
                    engine.publish(HostEvent.balanceSnapshot("bal-" + seq++, c, acct, t, 200_000 + 10_000 * i));
                    n++;
                }
                if (c.equals(sleeper)) {
                    if (day == 20) {
                        engine.publish(HostEvent.trade("ord-" + seq++, c, acct, t.plusSeconds(600), 30_000));
                        n++;
                    }
                    continue;
                }
                int trades = rnd.nextInt(4);
                for (int k = 0; k < trades; k++) {
                    engine.publish(HostEvent.trade("ord-" + seq++, c, acct, t.plusSeconds(60L * (k + 1)),
                            1_000 + rnd.nextInt(20_000)));
                    n++;
                }
                if (rnd.nextInt(10) == 0) {
                    engine.publish(HostEvent.deposit("cash-" + seq++, c, acct, t.plusSeconds(900), 5_000 + rnd.nextInt(10_000)));
                    engine.publish(HostEvent.login("li-" + seq++, c, t.plusSeconds(950)));
                    n += 2;
                }
                // the scripted ones
                if (i == 3 && day == 12) {
                    engine.publish(HostEvent.withdrawal("cash-" + seq++, c, acct, t.plusSeconds(1_200), 80_000));
                    engine.publish(HostEvent.transferOut("xfer-" + seq++, c, acct, t.plusSeconds(1_300), 50_000));
                    n += 2;
                }
                if (i == 5 && day == 15) {
                    for (int k = 0; k < 4; k++) {
                        engine.publish(HostEvent.failedLogin("fl-" + seq++, c, t.plusSeconds(1_400 + 30L * k)));
                        n++;
                    }
                }
                if (i == 9 && day == 25) {
                    for (int k = 0; k < 6; k++) {
                        engine.publish(HostEvent.trade("ord-" + seq++, c, acct, t.plusSeconds(2_000 + 60L * k), 150_000));
                        n++;
                    }
                }
                if (i == 11 && (day == 27 || day == 28)) {
                    engine.publish(HostEvent.marginCall("mc-" + seq++, c, acct, t.plusSeconds(2_500), 40_000));
                    n++;
                }
            }
        }
        return n;
    }
}
