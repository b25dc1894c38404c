package io.crmkit.core;

import static io.crmkit.core.Fixtures.BRANCH;
import static io.crmkit.core.Fixtures.RM;
import static io.crmkit.core.Fixtures.RM_ACTOR;
import static io.crmkit.core.Fixtures.WEALTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.Reminder;
import io.crmkit.core.task.ReminderKind;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskStatus;
import io.crmkit.core.tier.AssignmentSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The CRM services")
class ServicesTest {
    private final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    private Crm crm;
    private CrmSession rm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(Fixtures.clock()).listener(events::add).build();
        rm = crm.as(RM_ACTOR);
        rm.opportunities().definePipeline(WEALTH, "Wealth", Fixtures.STAGES);
        Fixtures.tiers(rm);
    }

    @Nested
    @DisplayName("customers")
    class Customers {
        @Test
        @DisplayName("register records who, when, the first lifecycle entry, and publishes an event")
        void register() {
            Customer c = rm.customers().register(Fixtures.individual().identifier(Identifier.nationalId("CN", "110101199003074514")).build());
            assertThat(c.meta().version()).isEqualTo(1);
            assertThat(c.meta().createdBy()).isEqualTo("rm-017");
            assertThat(c.meta().createdAt()).isEqualTo(Fixtures.NOW);
            assertThat(c.lifecycle()).isEqualTo(LifecycleStage.ACTIVE);
            assertThat(c.lifecycleHistory()).singleElement().satisfies(h -> assertThat(h.reason()).isEqualTo("registered"));
            assertThat(rm.customers().findByIdentifier(Identifier.nationalId("CN", "110101199003074514"))).contains(c);
            assertThat(events).containsExactly(new CrmEvent.CustomerRegistered(Fixtures.NOW, "rm-017", c.id()));
        }

        @Test
        @DisplayName("a second customer with the same identifier is a duplicate key, and is not written")
        void duplicateIdentifier() {
            Identifier id = Identifier.passport("SG", "E1234567");
            rm.customers().register(Fixtures.individual().identifier(id).build());
            assertThatThrownBy(() -> rm.customers().register(Fixtures.individual().identifier(id).build()))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo("identifier"))
                    .hasMessageNotContaining("E1234567");
            assertThat(crm.store().customers().count(io.crmkit.core.spi.CustomerQuery.all())).isEqualTo(1);
        }

        @Test
        @DisplayName("update with a stale version is a conflict and writes nothing")
        void staleUpdate() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            Customer first = rm.customers().update(c.withTag("vip"));
            assertThatThrownBy(() -> rm.customers().update(c.withTag("other"))).isInstanceOf(ConflictException.class);
            assertThat(rm.customers().get(c.id())).isEqualTo(first);
            assertThat(first.meta().version()).isEqualTo(2);
        }

        @Test
        @DisplayName("lifecycle moves keep a dated history with reasons and publish lifecycle events")
        void lifecycle() {
            Customer c = rm.customers().register(NewCustomer.individual("P").owner(RM).build());
            rm.customers().changeLifecycle(c.id(), LifecycleStage.ACTIVE, LocalDate.of(2026, 1, 5), "opened brokerage account");
            Customer churned = rm.customers().changeLifecycle(c.id(), LifecycleStage.CHURNED, LocalDate.of(2026, 11, 20),
                    "moved business to another bank");
            assertThat(churned.lifecycleHistory()).extracting("from", "to", "effectiveOn").containsExactly(
                    org.assertj.core.groups.Tuple.tuple(null, LifecycleStage.PROSPECT, LocalDate.of(2026, 11, 23)),
                    org.assertj.core.groups.Tuple.tuple(LifecycleStage.PROSPECT, LifecycleStage.ACTIVE, LocalDate.of(2026, 1, 5)),
                    org.assertj.core.groups.Tuple.tuple(LifecycleStage.ACTIVE, LifecycleStage.CHURNED, LocalDate.of(2026, 11, 20)));
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.LifecycleChanged).hasSize(2);
        }

        @Test
        @DisplayName("a new primary contact demotes the former one")
        void primaryContact() {
            Customer corp = rm.customers().register(NewCustomer.institution("Acme Fund Ltd")
                    .identifier(Identifier.unifiedSocialCreditCode("91350100M000100Y43")).build());
            Contact a = rm.customers().addContact(new NewContact(corp.id(), "Li Na", "Treasurer", "Finance", "Ms", true,
                    List.of(ContactPoint.email("li.na@acme.example", "office")), null));
            Contact b = rm.customers().addContact(new NewContact(corp.id(), "Wang Fang", "CFO", "Finance", "Ms", true, List.of(), null));
            assertThat(rm.customers().contacts(corp.id())).extracting(Contact::id, Contact::primary)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(b.id(), true), org.assertj.core.groups.Tuple.tuple(a.id(), false));
        }

        @Test
        @DisplayName("referral relationships are found from both sides and end on a date")
        void relationships() {
            Customer referrer = rm.customers().register(Fixtures.individual().build());
            Customer referred = rm.customers().register(Fixtures.individual().build());
            var r = rm.customers().relate(referred.id(), RelationshipType.REFERRED_BY, referrer.id(), LocalDate.of(2026, 3, 1));
            assertThat(rm.customers().relationships(referrer.id(), true)).containsExactly(r);
            assertThatThrownBy(() -> rm.customers().relate(referred.id(), RelationshipType.REFERRED_BY, referrer.id(), null))
                    .isInstanceOf(io.crmkit.core.error.ValidationException.class);
            rm.customers().endRelationship(r.id(), LocalDate.of(2026, 6, 30));
            assertThat(rm.customers().relationships(referrer.id(), true)).isEmpty();
            assertThat(rm.customers().relationships(referrer.id(), false)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("interactions")
    class Interactions {
        @Test
        @DisplayName("recording the same external event twice returns the first record and writes once")
        void idempotentFeed() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            NewInteraction call = NewInteraction.of(c.id(), Channel.CALL_CENTRE, Direction.INBOUND)
                    .at(Instant.parse("2026-11-22T09:30:00Z")).duration(Duration.ofMinutes(4)).subject("Card limit question")
                    .externalRef(ExternalRef.of("callcentre", "CC-2026-000123")).build();
            Interaction first = rm.interactions().record(call);
            Interaction again = rm.interactions().record(call);
            assertThat(again).isEqualTo(first);
            assertThat(crm.store().interactions().countByCustomer(c.id())).isEqualTo(1);
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.InteractionRecorded).hasSize(1);
        }

        @Test
        @DisplayName("the same external event for another customer is a duplicate key, not a silent repeat")
        void externalRefOfAnotherCustomer() {
            Customer a = rm.customers().register(Fixtures.individual().build());
            Customer b = rm.customers().register(Fixtures.individual().build());
            ExternalRef ref = ExternalRef.of("callcentre", "CC-1");
            rm.interactions().record(NewInteraction.of(a.id(), Channel.PHONE, Direction.INBOUND).subject("x").externalRef(ref).build());
            assertThatThrownBy(() -> rm.interactions().record(NewInteraction.of(b.id(), Channel.PHONE, Direction.INBOUND)
                    .subject("x").externalRef(ref).build())).isInstanceOf(DuplicateKeyException.class);
        }

        @Test
        @DisplayName("the timeline pages newest first without gaps or repeats")
        void timeline() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            List<Interaction> written = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                written.add(rm.interactions().record(NewInteraction.of(c.id(), Channel.APP, Direction.INBOUND)
                        .at(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * (i % 7))).subject("login " + i).build()));
            }
            List<Interaction> read = new ArrayList<>();
            PageRequest page = PageRequest.first(10);
            while (true) {
                var p = rm.interactions().timeline(c.id(), page);
                read.addAll(p.items());
                if (!p.hasNext()) {
                    break;
                }
                page = page.next(p);
            }
            assertThat(read).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
            for (int i = 1; i < read.size(); i++) {
                assertThat(read.get(i - 1).occurredAt()).isAfterOrEqualTo(read.get(i).occurredAt());
            }
        }
    }

    @Nested
    @DisplayName("opportunities")
    class Opportunities {
        @Test
        @DisplayName("move through the pipeline with default probabilities and a full stage history")
        void pipeline() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            Opportunity o = rm.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "Fixed income switch",
                    Money.of("500000", "CNY"), OpportunitySource.REFERRAL).expectedClose(LocalDate.of(2026, 12, 31)));
            assertThat(o.stage()).isEqualTo("LEAD");
            assertThat(o.probability()).isEqualTo(10);
            assertThat(o.owner()).isEqualTo(RM);
            rm.opportunities().moveTo(o.id(), "QUALIFIED", null);
            Opportunity proposal = rm.opportunities().moveTo(o.id(), "PROPOSAL", "sent term sheet");
            assertThat(proposal.weightedAmount()).isEqualTo(Money.of("300000", "CNY"));
            Opportunity lost = rm.opportunities().lose(o.id(), "chose a competitor's product");
            assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
            assertThat(lost.lostReason()).isEqualTo("chose a competitor's product");
            assertThat(lost.history()).extracting("from", "to", "probability").containsExactly(
                    org.assertj.core.groups.Tuple.tuple(null, "LEAD", 10),
                    org.assertj.core.groups.Tuple.tuple("LEAD", "QUALIFIED", 30),
                    org.assertj.core.groups.Tuple.tuple("QUALIFIED", "PROPOSAL", 60),
                    org.assertj.core.groups.Tuple.tuple("PROPOSAL", "LOST", 0));
            assertThatThrownBy(() -> rm.opportunities().win(o.id(), null)).isInstanceOf(io.crmkit.core.error.ValidationException.class);
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.OpportunityStageChanged).hasSize(4);
        }

        @Test
        @DisplayName("losing without a reason is refused")
        void lostNeedsReason() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            Opportunity o = rm.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "x", Money.of("1", "CNY"), OpportunitySource.OTHER));
            assertThatThrownBy(() -> rm.opportunities().moveTo(o.id(), "LOST", " "))
                    .isInstanceOfSatisfying(io.crmkit.core.error.ValidationException.class,
                            e -> assertThat(e.hasViolationOn("reason")).isTrue());
        }
    }

    @Nested
    @DisplayName("tasks and reminders")
    class Tasks {
        @Test
        @DisplayName("today's reminders list due, overdue, reminder-time, birthday, maturity and at-risk items")
        void todaysReminders() {
            Customer birthday = rm.customers().register(Fixtures.individual().birthDate(LocalDate.of(1980, 11, 23)).build());
            Customer atRisk = rm.customers().register(Fixtures.individual().tag("at-risk").build());
            Customer notMine = rm.customers().register(NewCustomer.individual("Other").owner(io.crmkit.core.org.StaffId.of("rm-999"))
                    .birthDate(LocalDate.of(1980, 11, 23)).build());
            LinkedAccount deposit = rm.accounts().link(new NewAccount(birthday.id(), "core-banking", "TD-001", ProductLine.DEPOSIT,
                    io.crmkit.core.account.AccountRole.OWNER, Money.currency("CNY"), LocalDate.of(2025, 11, 27), LocalDate.of(2026, 11, 27)));
            Task due = rm.tasks().assign(NewTask.of("Call about maturity", RM, Instant.parse("2026-11-23T08:00:00Z")).about(birthday.id()));
            Task overdue = rm.tasks().assign(NewTask.of("Send statement", RM, Instant.parse("2026-11-20T08:00:00Z")));
            Task later = rm.tasks().assign(NewTask.of("Review", RM, Instant.parse("2026-12-01T08:00:00Z"))
                    .remindAt(Instant.parse("2026-11-23T01:00:00Z")));
            rm.tasks().complete(rm.tasks().assign(NewTask.of("Done already", RM, Instant.parse("2026-11-23T08:00:00Z"))).id());

            List<Reminder> reminders = rm.tasks().todaysReminders(RM);

            assertThat(reminders).extracting(Reminder::kind).containsExactly(ReminderKind.TASK_DUE, ReminderKind.TASK_OVERDUE,
                    ReminderKind.TASK_REMINDER, ReminderKind.BIRTHDAY, ReminderKind.MATURITY, ReminderKind.AT_RISK);
            assertThat(reminders.get(0).taskId()).isEqualTo(due.id());
            assertThat(reminders.get(1).taskId()).isEqualTo(overdue.id());
            assertThat(reminders.get(2).taskId()).isEqualTo(later.id());
            assertThat(reminders.get(3).customerId()).isEqualTo(birthday.id());
            assertThat(reminders.get(4).accountId()).isEqualTo(deposit.id());
            assertThat(reminders.get(4).date()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(reminders.get(5).customerId()).isEqualTo(atRisk.id());
            assertThat(reminders).noneMatch(r -> notMine.id().equals(r.customerId()));
        }

        @Test
        @DisplayName("a task moves open → in progress → done and cannot be completed twice")
        void taskLifecycle() {
            Task t = rm.tasks().assign(NewTask.of("Prepare review", RM, null));
            assertThat(rm.tasks().start(t.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
            Task done = rm.tasks().complete(t.id());
            assertThat(done.completedAt()).isEqualTo(Fixtures.NOW);
            assertThatThrownBy(() -> rm.tasks().complete(t.id())).isInstanceOf(io.crmkit.core.error.ValidationException.class);
            assertThat(rm.tasks().openTasks(RM)).isEmpty();
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.TaskAssigned).hasSize(1);
        }
    }

    @Nested
    @DisplayName("tiers")
    class Tiers {
        @Test
        @DisplayName("a manual override holds against rules until it expires, and every change is in the history")
        void overrideHoldsUntilExpiry() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            CrmSession job = crm.as(Actor.system("nightly-tiering"));
            assertThat(job.tiers().assignByRule(c.id(), TierCode.of("SILVER"), "AUM 0.8M below GOLD 1M")).isPresent();
            rm.tiers().assignManually(c.id(), TierCode.of("GOLD"), "family office relationship", Fixtures.NOW.plusSeconds(86_400));
            assertThat(job.tiers().assignByRule(c.id(), TierCode.of("SILVER"), "AUM 0.8M below GOLD 1M")).isEmpty();
            assertThat(job.tiers().assignByRule(c.id(), TierCode.of("GOLD"), "unchanged")).isEmpty();
            assertThat(rm.customers().get(c.id()).tier()).isEqualTo(TierCode.of("GOLD"));
            assertThat(rm.tiers().history(c.id())).extracting("tier", "previous", "source").containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TierCode.of("GOLD"), TierCode.of("SILVER"), AssignmentSource.MANUAL),
                    org.assertj.core.groups.Tuple.tuple(TierCode.of("SILVER"), null, AssignmentSource.RULE));
            assertThat(events).filteredOn(e -> e instanceof CrmEvent.TierChanged).hasSize(2);
        }

        @Test
        @DisplayName("an undefined tier is refused")
        void undefinedTier() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            assertThatThrownBy(() -> rm.tiers().assignManually(c.id(), TierCode.of("DIAMOND"), "why not", null))
                    .isInstanceOfSatisfying(io.crmkit.core.error.ValidationException.class, e -> assertThat(e.hasViolationOn("tier")).isTrue());
            assertThat(rm.tiers().history(c.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("the 360 view and transactions")
    class ViewAndTransactions {
        @Test
        @DisplayName("the 360 view gathers contacts, accounts with latest snapshots, tier, latest interactions, open opportunities and tasks")
        void view() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            rm.tiers().assignManually(c.id(), TierCode.of("GOLD"), "welcome tier", null);
            LinkedAccount acct = rm.accounts().link(NewAccount.of(c.id(), "trading", "A-77", ProductLine.BROKERAGE, Money.currency("CNY")));
            rm.accounts().recordSnapshot(new AccountSnapshot(acct.id(), LocalDate.of(2026, 11, 20), Money.of("1000", "CNY"),
                    List.of(new Holding("600519.SH", AssetClass.EQUITY, new BigDecimal("10"), Money.of("17000", "CNY")))));
            rm.accounts().recordSnapshot(new AccountSnapshot(acct.id(), LocalDate.of(2026, 11, 22), Money.of("500", "CNY"), List.of()));
            for (int i = 0; i < 12; i++) {
                rm.interactions().record(NewInteraction.of(c.id(), Channel.WEB, Direction.INBOUND).subject("visit " + i)
                        .at(Instant.parse("2026-11-10T00:00:00Z").plusSeconds(i)).build());
            }
            Opportunity open = rm.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "x", Money.of("1", "CNY"), OpportunitySource.OTHER));
            Opportunity won = rm.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "y", Money.of("1", "CNY"), OpportunitySource.OTHER));
            rm.opportunities().win(won.id(), null);
            Task task = rm.tasks().assign(NewTask.of("Follow up", RM, null).about(c.id()));

            Customer360 v = rm.customers().view(c.id());

            assertThat(v.customer().tier()).isEqualTo(TierCode.of("GOLD"));
            assertThat(v.tier().name()).isEqualTo("Gold");
            assertThat(v.tierAssignment().reason()).isEqualTo("welcome tier");
            assertThat(v.accounts()).containsExactly(acct);
            assertThat(v.latestSnapshots().get(acct.id()).asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(v.latestInteractions()).hasSize(10).first().satisfies(i -> assertThat(i.subject()).isEqualTo("visit 11"));
            assertThat(v.interactionCount()).isEqualTo(12);
            assertThat(v.openOpportunities()).extracting(Opportunity::id).containsExactly(open.id());
            assertThat(v.openTasks()).extracting(Task::id).containsExactly(task.id());
            assertThat(v.toString()).doesNotContain(c.name().legal());
        }

        @Test
        @DisplayName("a session transaction writes several aggregates atomically and publishes events only after commit")
        void atomicUnit() {
            Customer c = rm.customers().register(Fixtures.individual().build());
            events.clear();
            assertThatThrownBy(() -> rm.inTransaction(() -> {
                rm.interactions().record(NewInteraction.of(c.id(), Channel.MEETING, Direction.OUTBOUND).subject("review").build());
                rm.tasks().assign(NewTask.of("Follow up", RM, null).about(c.id()));
                throw new IllegalStateException("host failed after the CRM writes");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(crm.store().interactions().countByCustomer(c.id())).isZero();
            assertThat(rm.tasks().openTasks(RM)).isEmpty();
            assertThat(events).isEmpty();

            rm.inTransaction(() -> {
                rm.interactions().record(NewInteraction.of(c.id(), Channel.MEETING, Direction.OUTBOUND).subject("review").build());
                return rm.tasks().assign(NewTask.of("Follow up", RM, null).about(c.id()));
            });
            assertThat(crm.store().interactions().countByCustomer(c.id())).isEqualTo(1);
            assertThat(events).hasSize(2);
        }

        @Test
        @DisplayName("a listener that throws neither undoes the write nor stops other listeners")
        void failingListener() {
            List<CrmEvent> seen = new ArrayList<>();
            Crm withBadListener = Crm.builder().clock(Fixtures.clock())
                    .listener(e -> { throw new IllegalStateException("listener bug"); })
                    .listener(seen::add).build();
            Customer c = withBadListener.as(RM_ACTOR).customers().register(Fixtures.individual().build());
            assertThat(withBadListener.as(RM_ACTOR).customers().get(c.id())).isEqualTo(c);
            assertThat(seen).hasSize(1);
        }

        @Test
        @DisplayName("the access policy hides customers from reads as if absent")
        void accessPolicy() {
            Crm scoped = Crm.builder().clock(Fixtures.clock())
                    .accessPolicy((actor, customer) -> actor.id().equals(String.valueOf(customer.owner()))).build();
            Customer c = scoped.as(RM_ACTOR).customers().register(Fixtures.individual().build());
            CrmSession other = scoped.as(Actor.staff(io.crmkit.core.org.StaffId.of("rm-999"), BRANCH, "RM"));
            assertThat(other.customers().find(c.id())).isEmpty();
            assertThatThrownBy(() -> other.customers().view(c.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> other.interactions().timeline(c.id(), PageRequest.first(5))).isInstanceOf(NotFoundException.class);
            assertThat(other.customers().list(io.crmkit.core.spi.CustomerQuery.all(), PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        @DisplayName("interceptors see every write with its actor and operation and may refuse it")
        void interceptors() {
            List<String> seen = new ArrayList<>();
            Crm audited = Crm.builder().clock(Fixtures.clock()).interceptor(new io.crmkit.core.governance.CommandInterceptor() {
                @Override
                public <T> T intercept(io.crmkit.core.governance.Command command, java.util.function.Supplier<T> proceed) {
                    seen.add(command.actor().id() + ":" + command.operation());
                    if (command.operation().equals("customer.changeLifecycle") && !command.actor().hasRole("SUPERVISOR")) {
                        throw new io.crmkit.core.error.AccessDeniedException(command.actor().id(), command.operation());
                    }
                    return proceed.get();
                }
            }).build();
            Customer c = audited.as(RM_ACTOR).customers().register(Fixtures.individual().build());
            assertThatThrownBy(() -> audited.as(RM_ACTOR).customers().changeLifecycle(c.id(), LifecycleStage.DORMANT,
                    LocalDate.of(2026, 11, 23), "no trades for a year")).isInstanceOf(io.crmkit.core.error.AccessDeniedException.class);
            assertThat(audited.as(RM_ACTOR).customers().get(c.id()).lifecycle()).isEqualTo(LifecycleStage.ACTIVE);
            assertThat(seen).containsExactly("rm-017:customer.register", "rm-017:customer.changeLifecycle");
        }
    }
}
