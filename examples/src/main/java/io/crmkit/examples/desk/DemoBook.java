package io.crmkit.examples.desk;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
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
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.examples.NightlyAnalytics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The branch desk's demo book: the nightly example's 300 brokerage customers of the Shanghai branch
 * (with the night's tiers, at-risk scores and concentration, lifetime value, cross-sell rules, clusters, next
 * best actions and staff figures, {@link NightlyAnalytics}; many hold deposits, funds, insurance or cards next to
 * their trading account), plus a
 * Beijing branch with its own relationship manager, a wealth pipeline with open opportunities, the
 * morning's tasks, a showcase customer with a long timeline, and an owner change waiting for a
 * checker (a new passport number). Everything is written through sessions, so the audit trail holds it all.
 *
 * <p>Not thread-safe: seed once, before the desk serves requests.
 */
public final class DemoBook {
    /** The desk's business time zone and its "now": 09:30 in Shanghai the morning after the night. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant NOW = Instant.parse("2026-04-01T01:30:00Z");

    public static final OrgUnitId HEAD_OFFICE = OrgUnitId.of("ho");
    public static final OrgUnitId SHANGHAI = OrgUnitId.of("br-sh-01");
    public static final OrgUnitId SHANGHAI_TEAM = OrgUnitId.of("team-a");
    public static final OrgUnitId BEIJING = OrgUnitId.of("br-bj-01");
    /** Staff of the nightly book: two relationship managers and a broker in Shanghai. */
    public static final StaffId RM = StaffId.of("rm-001");
    public static final StaffId RM_2 = StaffId.of("rm-002");
    public static final StaffId RM_BEIJING = StaffId.of("rm-101");
    public static final StaffId MANAGER = StaffId.of("bm-001");
    public static final StaffId HEAD = StaffId.of("ho-001");
    public static final StaffId CALL_CENTRE = StaffId.of("cc-001");
    public static final PipelineId WEALTH = PipelineId.of("wealth");
    /** The showcase customer's national id (a valid check digit); masked for the call centre. */
    public static final String SHOWCASE_NATIONAL_ID = "110101199003074514";

    /**
     * What the seeding made, for the pages' links and the tests.
     *
     * @param dashboard the night's dashboard
     * @param showcase the showcase customer (owned by {@link #RM}, Shanghai)
     * @param beijing the Beijing branch's customers (owned by {@link #RM_BEIJING})
     * @param timelineSize interactions on the showcase's timeline
     * @param tasksDueToday open tasks of {@link #RM} due today
     * @param trades the host's trade ledger the night's lifetime value was fitted on, by customer id
     */
    public record Seeded(Dashboard dashboard, CustomerId showcase, List<CustomerId> beijing, int timelineSize,
            int tasksDueToday, java.util.Map<String, List<io.crmkit.examples.NightInsights.Trade>> trades) {
        public Seeded {
            beijing = List.copyOf(beijing);
            trades = java.util.Map.copyOf(trades);
        }
    }

    private DemoBook() {}

    /** The clock the desk runs on. */
    public static Clock clock() {
        return Clock.fixed(NOW, ZONE);
    }

    /**
     * Seeds an empty store: the night over the Shanghai book, then the rest as {@code desk-seed}; the
     * pending identifier change is submitted by {@link #RM} through {@code desk}, the desk's governed
     * {@code Crm}, whose four-eyes rules park it.
     */
    public static Seeded seed(Crm desk) {
        NightlyAnalytics.Night night = NightlyAnalytics.run(desk.store(), new PrintStream(OutputStream.nullOutputStream()));
        Crm seeding = Crm.builder().store(desk.store()).clock(clock()).build();
        CrmSession admin = seeding.as(Actor.system("desk-seed"));
        admin.organisation().addUnit(BEIJING, "Beijing branch", OrgUnitType.BRANCH, HEAD_OFFICE);
        admin.organisation().addStaff(RM_BEIJING, "Relationship manager 101", BEIJING, Set.of("RM"));
        admin.organisation().addStaff(MANAGER, "Branch manager, Shanghai", SHANGHAI, Set.of("BRANCH_MANAGER"));
        admin.organisation().addStaff(HEAD, "Head office analyst", HEAD_OFFICE, Set.of("HEAD_OFFICE"));
        admin.organisation().addStaff(CALL_CENTRE, "Call-centre agent", HEAD_OFFICE, Set.of("CALL_CENTRE"));
        admin.opportunities().definePipeline(WEALTH, "Wealth management", List.of(
                Stage.open("LEAD", "Lead", 10), Stage.open("QUALIFIED", "Qualified", 30),
                Stage.open("PROPOSAL", "Proposal", 60), Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));

        Customer showcase = showcase(admin);
        int timeline = timeline(admin, showcase.id());
        int dueToday = morning(admin, showcase.id());
        List<CustomerId> beijing = beijing(admin);
        pipeline(admin);

        // An identifier the relationship manager adds and the branch manager must approve.
        CrmSession rm = desk.as(Actor.staff(RM, SHANGHAI_TEAM, "RM"));
        try {
            rm.customers().update(rm.customers().get(showcase.id()).withIdentifier(Identifier.passport("CN", "E12345678")));
            throw new IllegalStateException("the desk's four-eyes rules should have parked the identifier change");
        } catch (ApprovalRequiredException expected) {
            // parked: the 360 page shows it as pending
        }
        return new Seeded(night.dashboard(), showcase.id(), beijing, timeline, dueToday, night.trades());
    }

    /** The first customer of the book owned by {@link #RM}, made a well-documented one. */
    private static Customer showcase(CrmSession admin) {
        Customer first = admin.customers().list(CustomerQuery.all().owner(RM), PageRequest.first(1)).items().get(0);
        Customer c = admin.customers().update(first.withName(new CustomerName("Zhang Wei", null, "张伟"))
                .withIdentifier(Identifier.nationalId("CN", SHOWCASE_NATIONAL_ID))
                .withProfile(first.profile().withRegion("CN-31").withCity("Shanghai").withIncomeBand("B4")
                        .withRiskTolerance(RiskTolerance.GROWTH))
                .withContactPoints(List.of(ContactPoint.phone("+8613800138000", "mobile",
                        Consent.granted(ConsentPurpose.MARKETING, "account opening form", NOW)).asPrimary())));
        LinkedAccount funds = admin.accounts().link(NewAccount.of(c.id(), "custody", "F-88001", ProductLine.FUND,
                Money.currency("CNY")));
        admin.accounts().recordSnapshot(new AccountSnapshot(funds.id(), LocalDate.of(2026, 3, 31), Money.of("80000", "CNY"),
                List.of(new Holding("510300.SH", AssetClass.FUND, new BigDecimal("20000"), Money.of("96000", "CNY")),
                        new Holding("019666.SH", AssetClass.FIXED_INCOME, new BigDecimal("1500"), Money.of("151000", "CNY")),
                        new Holding("600519.SH", AssetClass.EQUITY, new BigDecimal("100"), Money.of("170000", "CNY")))));
        admin.tiers().assignManually(c.id(), TierCode.of("PLATINUM"), "Family-office referral, review in Q2", null);
        return c;
    }

    private static int timeline(CrmSession admin, CustomerId id) {
        Channel[] channels = {Channel.PHONE, Channel.APP, Channel.BRANCH_VISIT, Channel.EMAIL, Channel.CALL_CENTRE};
        String[] subjects = {"Portfolio review", "Asked about bond funds", "Signed risk questionnaire", "Research note sent",
            "Margin question"};
        int n = 23;
        for (int k = 0; k < n; k++) {
            admin.interactions().record(NewInteraction.of(id, channels[k % channels.length],
                    k % 2 == 0 ? Direction.OUTBOUND : Direction.INBOUND).at(NOW.minus(Duration.ofHours(20L + 53L * k)))
                    .subject(subjects[k % subjects.length] + " #" + (n - k)).outcome(k % 7 == 3 ? Outcome.FOLLOW_UP_REQUIRED
                            : Outcome.COMPLETED).build());
        }
        return n + interactionsBefore(admin, id, n);
    }

    /** The nightly book gave the customer some contacts already; the timeline holds those too. */
    private static int interactionsBefore(CrmSession admin, CustomerId id, int added) {
        return (int) admin.customers().view(id).interactionCount() - added;
    }

    /** The relationship manager's morning: tasks due today (one overdue from yesterday) and opportunities. */
    private static int morning(CrmSession admin, CustomerId showcase) {
        Opportunity bond = admin.opportunities().open(NewOpportunity.of(showcase, WEALTH, "Bond fund allocation",
                Money.of("200000", "CNY"), OpportunitySource.INBOUND).owner(RM).expectedClose(LocalDate.of(2026, 4, 30)));
        admin.opportunities().moveTo(bond.id(), "PROPOSAL", "sent fund factsheet");
        admin.opportunities().open(NewOpportunity.of(showcase, WEALTH, "Structured note, 12 months",
                Money.of("500000", "CNY"), OpportunitySource.RELATIONSHIP_MANAGER).owner(RM));
        Instant today = LocalDate.ofInstant(NOW, ZONE).atTime(15, 0).atZone(ZONE).toInstant();
        admin.tasks().assign(NewTask.of("Call back with bond fund terms", RM, today).about(showcase)
                .aboutOpportunity(bond.id()).priority(TaskPriority.HIGH));
        admin.tasks().assign(NewTask.of("Prepare Q2 portfolio review", RM, today.plus(Duration.ofHours(2))).about(showcase));
        admin.tasks().assign(NewTask.of("Send updated risk questionnaire", RM, today.minus(Duration.ofDays(1))).about(showcase)
                .priority(TaskPriority.URGENT));
        return 2;
    }

    private static List<CustomerId> beijing(CrmSession admin) {
        List<CustomerId> out = new ArrayList<>();
        String[] names = {"Wang Fang", "Li Qiang", "Zhao Min", "Sun Li", "Zhou Jun", "Wu Xia", "Zheng Hao", "Feng Lei",
            "Chen Jing", "Han Mei", "Yang Tao", "Xu Lan"};
        for (int i = 0; i < names.length; i++) {
            Customer c = admin.customers().register(NewCustomer.individual(names[i])
                    .identifier(Identifier.nationalId("CN", nationalId("110105" + (1960 + i) + "0101" + String.format("%03d", i))))
                    .birthDate(LocalDate.of(1960 + i, 1, 1)).owner(RM_BEIJING).branch(BEIJING)
                    .profile(Profile.EMPTY.withCity("Beijing").withRiskTolerance(RiskTolerance.values()[i % 5])).active().build());
            admin.tiers().assignManually(c.id(), TierCode.of(i % 3 == 0 ? "GOLD" : "SILVER"), "Branch opening book", null);
            if (i % 4 == 0) {
                admin.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "Pension top-up", Money.of("150000", "CNY"),
                        OpportunitySource.CAMPAIGN).owner(RM_BEIJING));
            }
            out.add(c.id());
        }
        admin.tasks().assign(NewTask.of("Welcome call", RM_BEIJING, NOW.plus(Duration.ofHours(3))).about(out.get(0)));
        return out;
    }

    /** Open opportunities across the Shanghai book, spread over the stages for the board. */
    private static void pipeline(CrmSession admin) {
        String[] stages = {"LEAD", "QUALIFIED", "PROPOSAL"};
        for (StaffId owner : List.of(RM, RM_2)) {
            List<Customer> some = admin.customers().list(CustomerQuery.all().owner(owner), PageRequest.first(10)).items();
            for (int i = 1; i < some.size(); i += 2) {
                Opportunity o = admin.opportunities().open(NewOpportunity.of(some.get(i).id(), WEALTH,
                        i % 4 == 1 ? "Index fund plan" : "Margin account upgrade", Money.of(String.valueOf(50_000 * (i + 1)), "CNY"),
                        OpportunitySource.CROSS_SELL).owner(owner));
                String stage = stages[(i / 2) % stages.length];
                if (!stage.equals("LEAD")) {
                    admin.opportunities().moveTo(o.id(), stage, "qualified on the phone");
                }
            }
        }
    }

    /** A Chinese resident identity number: 17 digits and the ISO 7064 MOD 11-2 check character. */
    static String nationalId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
