package io.crmkit.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.alert.AlertStatus;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.CommandInterceptor;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskPriority;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The signal engine's actions through the CRM")
class SignalActionsTest {
    private static final StaffId RM = StaffId.of("rm-001");
    private static final Actor RM_ACTOR = Actor.staff(RM, OrgUnitId.of("br-1"), "RM");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static List<Rule> rules() {
        return List.of(
                Rule.parse("large-withdrawal", "withdrawal.sum(7d) >= 0.5 * assets").withSeverity(AlertSeverity.HIGH)
                        .withTask(TaskAction.of("Call about large withdrawals", TaskPriority.HIGH, Duration.ofDays(1)))
                        .withInteraction(Channel.APP),
                Rule.parse("reactivated", "first trade after 30d dormant").withActivateDormant(true)
                        .withSuppression(Duration.ZERO),
                Rule.parse("brute-force", "failed_login.count(10m) >= 3").withSeverity(AlertSeverity.CRITICAL)
                        .withSuppression(Duration.ofHours(1)).withCustomerNotice("security-notice"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Crm crm(CrmStore store, CommandInterceptor... interceptors) {
        Crm.Builder b = Crm.builder().store(store).clock(CLOCK);
        for (CommandInterceptor i : interceptors) {
            b.interceptor(i);
        }
        return b.build();
    }

    private static List<CustomerId> register(Crm crm, int n) {
        CrmSession s = crm.as(RM_ACTOR);
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewCustomer.Builder c = NewCustomer.individual("Customer " + i).owner(RM);
            Customer saved = s.customers().register(c.active().build());
            if (i % 3 == 0) {
                s.customers().changeLifecycle(saved.id(), LifecycleStage.DORMANT, LocalDate.of(2026, 1, 1), "no trades");
            }
            ids.add(saved.id());
        }
        return ids;
    }

    /** A feed over registered customers (ids remapped), times before the Crm's clock. */
    private static List<HostEvent> feed(List<CustomerId> customers, long seed, int n) {
        List<CustomerId> synthetic = Streams.customers(customers.size());
        return Streams.feed(seed, synthetic, n).stream().map(e -> new HostEvent(e.eventId(), e.kind(),
                customers.get(synthetic.indexOf(e.customerId())), e.accountId(), e.at(), e.value())).toList();
    }

    private record Written(String id, String rule, String customer, AlertSeverity severity, Instant raisedAt, String event) {}

    private static List<Written> alerts(Crm crm, List<CustomerId> customers) {
        return customers.stream().flatMap(c -> crm.store().alerts().findByCustomer(c).stream())
                .map(a -> new Written(a.id().value(), a.ruleId(), a.customerId().value(), a.severity(), a.raisedAt(),
                        a.triggerEventId()))
                .sorted(Comparator.comparing(Written::id)).toList();
    }

    private static int tasks(Crm crm, List<CustomerId> customers) {
        return customers.stream().mapToInt(c -> crm.store().tasks().findByCustomer(c).size()).sum();
    }

    private static long interactions(Crm crm, List<CustomerId> customers) {
        return customers.stream().mapToLong(c -> crm.store().interactions().countByCustomer(c)).sum();
    }

    @Test
    @DisplayName("a firing rule writes its alert, the RM's task, the interaction and the dormant-to-active hint, and tells listeners")
    void writesEveryAction() {
        Crm crm = crm(InMemoryCrmStore.create());
        List<CustomerId> ids = register(crm, 1);
        CustomerId c = ids.get(0);
        List<Alert> heard = Collections.synchronizedList(new ArrayList<>());
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        Instant t = Instant.parse("2026-06-01T09:00:00Z");
        AccountId acct = AccountId.of("acc-1");
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).listener(heard::add)
                .customerNotices((a, template) -> notices.add(a.id() + ":" + template)).build()) {
            engine.publish(HostEvent.trade("t1", c, acct, t.minus(Duration.ofDays(40)), 1_000));
            engine.publish(HostEvent.balanceSnapshot("b1", c, acct, t, 1_000_000));
            engine.publish(HostEvent.withdrawal("w1", c, acct, t.plusSeconds(60), 300_000));
            engine.publish(HostEvent.withdrawal("w2", c, acct, t.plusSeconds(120), 250_000));
            engine.publish(HostEvent.trade("t2", c, acct, t.plusSeconds(180), 5_000));
            for (int i = 0; i < 3; i++) {
                engine.publish(HostEvent.failedLogin("f" + i, c, t.plusSeconds(200 + i)));
            }
            engine.flush();
            assertThat(engine.stats().written()).isEqualTo(3);
        }
        CrmSession rm = crm.as(RM_ACTOR);
        List<Alert> open = rm.alerts().openAlerts(RM);
        assertThat(open).extracting(Alert::ruleId).containsExactly("large-withdrawal", "reactivated", "brute-force");
        Alert large = open.get(0);
        assertThat(large.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(large.triggerEventId()).isEqualTo("w2");
        assertThat(large.owner()).isEqualTo(RM);
        assertThat(large.reason()).isEqualTo("rule large-withdrawal: withdrawal.sum(7d) >= 0.5 * assets");
        List<Task> tasks = crm.store().tasks().findByCustomer(c);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.assignee()).isEqualTo(RM);
            assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
            assertThat(task.dueAt()).isEqualTo(t.plusSeconds(120).plus(Duration.ofDays(1)));
        });
        assertThat(rm.interactions().timeline(c, PageRequest.first(10)).items())
                .singleElement().satisfies(i -> assertThat(i.channel()).isEqualTo(Channel.APP));
        assertThat(rm.customers().get(c).lifecycle()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(heard).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(open.stream().map(Alert::id).toList());
        assertThat(notices).singleElement().asString().endsWith(":security-notice");
    }

    @Test
    @DisplayName("the contact gate can hold back a customer notice; the alert is written all the same")
    void contactGateHoldsNotices() {
        Crm crm = crm(InMemoryCrmStore.create());
        CustomerId c = register(crm, 1).get(0);
        List<String> notices = new ArrayList<>();
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).contactGate((cust, purpose, template) -> false)
                .customerNotices((a, template) -> notices.add(template)).build()) {
            for (int i = 0; i < 3; i++) {
                engine.publish(HostEvent.failedLogin("f" + i, c, Instant.parse("2026-06-01T09:00:00Z").plusSeconds(i)));
            }
            engine.flush();
        }
        assertThat(crm.store().alerts().findByCustomer(c)).hasSize(1);
        assertThat(notices).isEmpty();
        assertThatThrownBy(() -> SignalEngine.builder(crm).rules(rules()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("customerNotices")).isTrue());
    }

    @Test
    @DisplayName("alerts are acknowledged and resolved with optimistic versions; a stale version is refused and changes nothing")
    void acknowledgeAndResolve() {
        Crm crm = crm(InMemoryCrmStore.create());
        CustomerId c = register(crm, 1).get(0);
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).customerNotices((a, t) -> { }).build()) {
            for (int i = 0; i < 3; i++) {
                engine.publish(HostEvent.failedLogin("f" + i, c, Instant.parse("2026-06-01T09:00:00Z").plusSeconds(i)));
            }
        }
        CrmSession rm = crm.as(RM_ACTOR);
        Alert raised = rm.alerts().openAlerts(RM).get(0);

        Alert acked = rm.alerts().acknowledge(raised.id(), raised.meta().version());
        assertThatThrownBy(() -> rm.alerts().acknowledge(raised.id(), raised.meta().version())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rm.alerts().acknowledge(acked.id(), acked.meta().version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("status")).isTrue());
        Alert resolved = rm.alerts().resolve(acked.id(), acked.meta().version(), "called the customer: own device");

        assertThat(acked.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo(RM.value());
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(CLOCK.instant());
        assertThat(resolved.meta().version()).isEqualTo(3);
        assertThat(rm.alerts().openAlerts(RM)).isEmpty();
        assertThat(rm.alerts().alertsFor(c)).containsExactly(resolved);
        assertThatThrownBy(() -> rm.alerts().resolve(resolved.id(), 3, null)).isInstanceOf(ValidationException.class);
        assertThat(resolved.toString()).doesNotContain("own device");
    }

    @Test
    @DisplayName("a restart from a checkpoint after a crash writes exactly the alerts, tasks and interactions of an uninterrupted run")
    void crashAndRestartMatchesUninterruptedRun() throws Exception {
        CrmStore storeA = InMemoryCrmStore.create();
        Crm crmA = crm(storeA);
        List<CustomerId> customersA = register(crmA, 30);
        List<HostEvent> feedA = feed(customersA, 21, 8_000);
        try (SignalEngine engine = SignalEngine.builder(crmA).rules(rules()).customerNotices((a, t) -> { }).batchSize(64).build()) {
            feedA.forEach(engine::publish);
        }

        // the same customers (same ids) in a second store, and a writer that hangs and then dies at the crash
        CrmStore storeB = InMemoryCrmStore.create();
        customersA.forEach(id -> storeB.customers().save(storeA.customers().get(id).withMeta(
                io.crmkit.core.common.Meta.created(CLOCK.instant(), "copy"))));
        AtomicBoolean crashed = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        Crm dying = crm(storeB, new CommandInterceptor() {
            @Override
            public <T> T intercept(io.crmkit.core.governance.Command command, java.util.function.Supplier<T> next) {
                if (crashed.get()) {
                    awaitQuietly(release);
                    throw new IllegalStateException("the process is gone");
                }
                return next.get();
            }
        });
        int cut = 4_000;
        int replayFrom = 3_500;
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        SignalEngine first = SignalEngine.builder(dying).rules(rules()).customerNotices((a, t) -> { }).batchSize(64).build();
        feedA.subList(0, cut).forEach(first::publish);
        crashed.set(true); // from here on nothing the first engine still holds reaches the store
        first.checkpoint(checkpoint);
        release.countDown();

        try (SignalEngine second = SignalEngine.builder(crm(storeB)).rules(rules()).customerNotices((a, t) -> { })
                .batchSize(64).restore(new ByteArrayInputStream(checkpoint.toByteArray())).build()) {
            feedA.subList(replayFrom, feedA.size()).forEach(second::publish);
            second.flush();
            assertThat(second.stats().failed()).isZero();
        }
        first.close();

        List<Written> expected = alerts(crmA, customersA);
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(alerts(crm(storeB), customersA)).isEqualTo(expected);
        assertThat(tasks(crm(storeB), customersA)).isEqualTo(tasks(crmA, customersA));
        assertThat(interactions(crm(storeB), customersA)).isEqualTo(interactions(crmA, customersA));
    }

    @Test
    @DisplayName("replaying a whole feed into a fresh engine over the same store writes nothing new")
    void replayIntoFreshEngineWritesNothing() {
        Crm crm = crm(InMemoryCrmStore.create());
        List<CustomerId> customers = register(crm, 10);
        List<HostEvent> feed = feed(customers, 3, 3_000);
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).customerNotices((a, t) -> { }).build()) {
            feed.forEach(engine::publish);
        }
        List<Written> before = alerts(crm, customers);
        int tasksBefore = tasks(crm, customers);
        AtomicReference<SignalStats> stats = new AtomicReference<>();
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).customerNotices((a, t) -> { }).build()) {
            feed.forEach(engine::publish);
            engine.flush();
            stats.set(engine.stats());
        }
        assertThat(before).isNotEmpty();
        assertThat(alerts(crm, customers)).isEqualTo(before);
        assertThat(tasks(crm, customers)).isEqualTo(tasksBefore);
        assertThat(stats.get().written()).isZero();
        assertThat(stats.get().alreadyPresent()).isEqualTo(before.size());
    }

    @Test
    @DisplayName("with DROP, a full queue drops and counts decisions instead of blocking the publisher")
    void dropPolicyCounts() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Crm slow = crm(InMemoryCrmStore.create(), new CommandInterceptor() {
            @Override
            public <T> T intercept(io.crmkit.core.governance.Command command, java.util.function.Supplier<T> next) {
                awaitQuietly(hold);
                return next.get();
            }
        });
        CustomerId c = CustomerId.of("c-unregistered");
        try (SignalEngine engine = SignalEngine.builder(slow).rule(Rule.parse("every-login", "login.count(1s) >= 1")
                .withSuppression(Duration.ZERO)).queueCapacity(4).batchSize(1).overflow(Overflow.DROP).build()) {
            for (int i = 0; i < 50; i++) {
                engine.publish(HostEvent.login("l" + i, c, Instant.parse("2026-06-01T09:00:00Z").plusSeconds(i)));
            }
            SignalStats s = engine.stats();
            assertThat(s.fired()).isEqualTo(50);
            assertThat(s.dropped()).isBetween(45L, 46L);
            hold.countDown();
        }
    }

    @Test
    @DisplayName("seeded baselines from the store's balance snapshots stand in for assets until the first snapshot event")
    void seedsAssetsFromStore() {
        Crm crm = crm(InMemoryCrmStore.create());
        CustomerId c = register(crm, 1).get(0);
        CrmSession rm = crm.as(RM_ACTOR);
        var account = rm.accounts().link(io.crmkit.core.account.NewAccount.of(c, "core", "A-1",
                io.crmkit.core.account.ProductLine.BROKERAGE, java.util.Currency.getInstance("CNY")));
        rm.accounts().recordSnapshot(new io.crmkit.core.account.AccountSnapshot(account.id(), LocalDate.of(2026, 5, 31),
                io.crmkit.core.money.Money.of("100000", "CNY"), List.of()));
        try (SignalEngine engine = SignalEngine.builder(crm).rules(rules()).customerNotices((a, t) -> { }).build()) {
            engine.seedAssetsFromStore(c, LocalDate.of(2026, 6, 1));
            engine.publish(HostEvent.withdrawal("w1", c, account.id(), Instant.parse("2026-06-01T09:00:00Z"), 60_000));
            engine.flush();
            assertThat(engine.stats().fired()).isEqualTo(1);
        }
    }
}
