package io.crmkit.examples;

import io.crmkit.core.Crm;
import io.crmkit.core.Customer360;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.Reminder;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.tier.TierDefinition;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The quickstart: a brokerage branch registers customers, records interactions, moves an
 * opportunity through the pipeline, assigns tasks and prints a customer 360 view.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am install -DskipTests && ./mvnw -q -pl examples exec:java};
 * pass {@code --store=h2} to keep the data in an embedded H2 database through crm-jpa instead of
 * memory.
 */
public final class Quickstart {
    static final StaffId RM = StaffId.of("rm-017");
    static final OrgUnitId HEAD_OFFICE = OrgUnitId.of("ho");
    static final OrgUnitId BRANCH = OrgUnitId.of("br-sh-01");
    static final PipelineId WEALTH = PipelineId.of("wealth");

    private Quickstart() {}

    public static void main(String[] args) {
        String store = "memory";
        for (String arg : args) {
            if (arg.startsWith("--store=")) {
                store = arg.substring("--store=".length());
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
        try (Stores.Opened opened = Stores.open(store)) {
            run(opened.store(), clock, System.out);
        }
    }

    /** The whole walk-through on a given store; returns the 360 view it printed. */
    static Customer360 run(CrmStore store, Clock clock, PrintStream out) {
        Crm crm = Crm.builder().store(store).clock(clock)
                .listener(event -> out.println("  event: " + event.getClass().getSimpleName() + " " + event.customerId()))
                .build();

        // Reference data, set up once by an administrator.
        CrmSession admin = crm.as(Actor.system("setup"));
        admin.organisation().addUnit(HEAD_OFFICE, "Head office", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(BRANCH, "Shanghai Lujiazui branch", OrgUnitType.BRANCH, HEAD_OFFICE);
        admin.organisation().addStaff(RM, "Chen Jie", BRANCH, Set.of("RM"));
        admin.opportunities().definePipeline(WEALTH, "Wealth management", List.of(
                Stage.open("LEAD", "Lead", 10), Stage.open("QUALIFIED", "Qualified", 30),
                Stage.open("PROPOSAL", "Proposal", 60), Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));
        admin.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3), TierDefinition.of("BRONZE", "Bronze", 4));

        // A relationship manager at work.
        CrmSession rm = crm.as(Actor.staff(RM, BRANCH, "RM"));
        Customer zhang = rm.customers().register(NewCustomer.individual("Zhang Wei").localName("张伟")
                .identifier(Identifier.nationalId("CN", "110101199003074514"))
                .birthDate(LocalDate.of(1990, 3, 7))
                .profile(Profile.EMPTY.withRegion("CN-31").withCity("Shanghai").withIncomeBand("B4")
                        .withRiskTolerance(RiskTolerance.GROWTH))
                .contactPoint(ContactPoint.phone("+8613800138000", "mobile",
                        Consent.granted(ConsentPurpose.MARKETING, "account opening form", clock.instant())).asPrimary())
                .owner(RM).branch(BRANCH).active().build());
        Customer acme = rm.customers().register(NewCustomer.institution("Acme Asset Management Co., Ltd.")
                .identifier(Identifier.unifiedSocialCreditCode("91350100M000100Y43"))
                .identifier(Identifier.lei("5493001KJTIIGC8Y1R12"))
                .owner(RM).branch(BRANCH).build());
        rm.customers().addContact(NewContact.of(acme.id(), "Li Na", "Treasurer",
                ContactPoint.email("li.na@acme.example", "office")));
        rm.customers().relate(acme.id(), RelationshipType.REFERRED_BY, zhang.id(), LocalDate.of(2026, 11, 1));

        LinkedAccount brokerage = rm.accounts().link(NewAccount.of(zhang.id(), "trading", "TA-88001",
                ProductLine.BROKERAGE, Money.currency("CNY")));
        rm.accounts().recordSnapshot(new AccountSnapshot(brokerage.id(), LocalDate.of(2026, 11, 20),
                Money.of("120000", "CNY"), List.of(
                        new Holding("600519.SH", AssetClass.EQUITY, new BigDecimal("300"), Money.of("510000", "CNY")),
                        new Holding("000001.SZ", AssetClass.EQUITY, new BigDecimal("10000"), Money.of("115000", "CNY")))));
        rm.tiers().assignManually(zhang.id(), TierCode.of("GOLD"), "AUM 745k CNY, active trader", null);

        // The call-centre feed, imported twice by mistake: the second import changes nothing.
        NewInteraction call = NewInteraction.of(zhang.id(), Channel.CALL_CENTRE, Direction.INBOUND)
                .at(Instant.parse("2026-11-22T02:10:00Z")).duration(Duration.ofMinutes(6))
                .subject("Asked about fixed-income products").outcome(Outcome.FOLLOW_UP_REQUIRED)
                .externalRef(ExternalRef.of("callcentre", "CC-20261122-0042")).build();
        rm.interactions().record(call);
        rm.interactions().record(call);
        rm.interactions().record(NewInteraction.of(zhang.id(), Channel.PHONE, Direction.OUTBOUND)
                .at(Instant.parse("2026-11-22T08:00:00Z")).subject("Follow-up on fixed income")
                .outcome(Outcome.COMPLETED).build());

        // An opportunity through the pipeline.
        Opportunity fund = rm.opportunities().open(NewOpportunity.of(zhang.id(), WEALTH, "Bond fund allocation",
                Money.of("200000", "CNY"), OpportunitySource.INBOUND).expectedClose(LocalDate.of(2026, 12, 15)));
        rm.opportunities().moveTo(fund.id(), "QUALIFIED", "risk profile fits");
        fund = rm.opportunities().moveTo(fund.id(), "PROPOSAL", "sent fund factsheet");

        rm.tasks().assign(NewTask.of("Call back with bond fund terms", RM, Instant.parse("2026-11-23T06:00:00Z"))
                .about(zhang.id()).aboutOpportunity(fund.id()).priority(TaskPriority.HIGH));

        // Bad input is refused with every violation named, and nothing is written.
        try {
            rm.opportunities().open(NewOpportunity.of(zhang.id(), WEALTH, " ", Money.of("-1", "CNY"),
                    OpportunitySource.OTHER).probability(140));
        } catch (ValidationException e) {
            out.println("Refused: " + e.getMessage());
        }

        Customer360 view = rm.customers().view(zhang.id());
        print(view, out);
        out.println("Today's reminders for " + RM + ":");
        for (Reminder r : rm.tasks().todaysReminders(RM)) {
            out.println("  " + r.kind() + " " + r.date() + " customer=" + r.customerId() + " task=" + r.taskId());
        }
        return view;
    }

    static void print(Customer360 v, PrintStream out) {
        Customer c = v.customer();
        out.println("=== Customer 360: " + c.name().display() + " (" + c.name().local() + ") " + c.id());
        out.println("Lifecycle " + c.lifecycle() + ", owner " + c.owner() + ", branch " + c.branch() + ", tier "
                + v.currentTier().map(t -> t.name() + " - " + v.tierAssignment().reason()).orElse("none"));
        v.accounts().forEach(a -> {
            AccountSnapshot s = v.latestSnapshots().get(a.id());
            out.println("Account " + a.productLine() + " " + a.externalId() + ": "
                    + (s == null ? "no snapshot" : s.totalValue() + " on " + s.asOf() + ", mix " + s.assetMix()));
        });
        out.println("Timeline (" + v.interactionCount() + " in all):");
        v.latestInteractions().forEach(i -> out.println("  " + i.occurredAt() + " " + i.channel() + " " + i.direction()
                + " " + i.subject() + " -> " + i.outcome()));
        v.openOpportunities().forEach(o -> out.println("Open opportunity: " + o.name() + " at " + o.stage() + " ("
                + o.probability() + "%), weighted " + o.weightedAmount()));
        v.openTasks().forEach(t -> out.println("Open task: " + t.title() + " due " + t.dueAt() + " " + t.priority()));
    }
}
