package io.crmkit.tck.governance;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.FieldMask;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.NewInteraction;
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
import io.crmkit.core.task.Task;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated firm: head office → 2 regions → 2 branches each → 2 teams each; three relationship
 * managers per team, a manager per branch, call-centre agents, a compliance officer, an
 * administrator, a nightly job and an API client scoped to one branch. Every relationship manager
 * owns two customers, each with a contact, an account and snapshot, an interaction with an
 * external ref, an opportunity, a task and a relationship to a customer of another region.
 *
 * <p>Ids carry a per-run prefix, so several organisations can share one database. Not thread-safe.
 */
public final class GeneratedOrganisation {
    /** The fixed clock of every generated organisation. */
    public static final Instant NOW = Instant.parse("2025-06-02T02:30:00.123456Z");
    public static final PipelineId PIPELINE = PipelineId.of("wealth");

    /** One principal of the firm and the depth its role reaches. */
    public record Principal(String name, Actor actor, String role) {}

    /** One customer and its child records. */
    public record Book(Customer customer, Contact contact, LinkedAccount account, Interaction interaction,
            Opportunity opportunity, Task task, Relationship relationship,
            io.crmkit.core.casework.ServiceCase openCase, io.crmkit.core.casework.ServiceCase resolvedCase) {}

    public final Crm crm;
    public final String run = UniqueIds.next("org");
    public final OrgUnitId headOffice;
    public final Map<OrgUnitId, OrgUnitId> parentOf = new HashMap<>();
    public final Map<OrgUnitId, OrgUnitType> typeOf = new HashMap<>();
    public final Map<String, Principal> principals = new LinkedHashMap<>();
    public final List<Book> books = new ArrayList<>();
    public final Map<StaffId, OrgUnitId> unitOfStaff = new HashMap<>();

    /** The roles of the generated firm. */
    public static Permissions permissions() {
        Operation[] desk = {Operation.CUSTOMER_READ, Operation.CUSTOMER_REGISTER, Operation.CUSTOMER_UPDATE,
                Operation.CUSTOMER_LIFECYCLE, Operation.CONTACT_WRITE, Operation.RELATIONSHIP_WRITE, Operation.ACCOUNT_LINK,
                Operation.ACCOUNT_STATUS, Operation.ACCOUNT_SNAPSHOT, Operation.INTERACTION_RECORD, Operation.OPPORTUNITY_WRITE,
                Operation.TASK_ASSIGN, Operation.TASK_WORK, Operation.TIER_OVERRIDE, Operation.CASE_WRITE,
                Operation.SURVEY_WRITE, Operation.CONSENT_WRITE, Operation.CONTACT_RECORD};
        return Permissions.builder()
                .role(Role.builder("RM").grant(Depth.OWN, desk).build())
                .role(Role.builder("TEAM_LEAD").grant(Depth.TEAM, desk).grant(Depth.TEAM, Operation.APPROVE).build())
                .role(Role.builder("BRANCH_MANAGER").grant(Depth.BRANCH, desk)
                        .grant(Depth.BRANCH, Operation.APPROVE, Operation.AUDIT_READ).build())
                .role(Role.builder("CALL_CENTRE").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.INTERACTION_RECORD)
                        .mask(EnumSet.allOf(FieldMask.class).toArray(FieldMask[]::new)).build())
                .role(Role.builder("COMPLIANCE").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.AUDIT_READ, Operation.APPROVE)
                        .build())
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                .role(Role.builder("NIGHTLY").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.TIER_RULE,
                        Operation.ANALYTICS_READ).build())
                .role(Role.builder("MOBILE_API").grant(Depth.BRANCH, Operation.CUSTOMER_READ, Operation.INTERACTION_RECORD)
                        .build())
                .build();
    }

    private final int customersPerRm;
    private final boolean everyRm;

    public GeneratedOrganisation(CrmStore store, FourEyes fourEyes) {
        this(store, fourEyes, Clock.fixed(NOW, ZoneOffset.UTC), e -> { }, true);
    }

    /**
     * With a clock of the caller's (to test expiry) and a listener (to see the events); with
     * {@code full} false only the first manager of each team gets a customer (8 instead of 48), for
     * suites that need the tree but not the whole book.
     */
    public GeneratedOrganisation(CrmStore store, FourEyes fourEyes, Clock clock, io.crmkit.core.event.CrmEventListener listener,
            boolean full) {
        this(store, fourEyes, clock, listener, full ? 2 : 1, full);
    }

    /**
     * The whole tree with {@code customersPerRm} customers for every relationship manager: for suites
     * that use a fresh customer per service method (the audit suite), so the book grows with the API.
     */
    public GeneratedOrganisation(CrmStore store, FourEyes fourEyes, int customersPerRm) {
        this(store, fourEyes, Clock.fixed(NOW, ZoneOffset.UTC), e -> { }, customersPerRm, true);
    }

    private GeneratedOrganisation(CrmStore store, FourEyes fourEyes, Clock clock,
            io.crmkit.core.event.CrmEventListener listener, int customersPerRm, boolean everyRm) {
        this.customersPerRm = customersPerRm;
        this.everyRm = everyRm;
        this.crm = Crm.builder().store(store).clock(clock).permissions(permissions())
                .fourEyes(fourEyes).listener(listener).build();
        headOffice = unit("ho");
        Principal admin = principal("admin", Actor.staff(staff("admin"), headOffice, "ADMIN"), "ADMIN");
        CrmSession ops = crm.as(admin.actor());
        ops.organisation().addUnit(headOffice, "Head office", OrgUnitType.HEAD_OFFICE, null);
        ops.organisation().addStaff(staff("admin"), "Administrator", headOffice, Set.of("ADMIN"));
        record(headOffice, null, OrgUnitType.HEAD_OFFICE);
        ops.opportunities().definePipeline(PIPELINE, "Wealth", List.of(Stage.open("LEAD", "Lead", 10),
                Stage.open("PROPOSAL", "Proposal", 50), Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));
        ops.tiers().define(TierDefinition.of("GOLD", "Gold", 1), TierDefinition.of("SILVER", "Silver", 2));
        definePolicies(ops);
        for (int r = 1; r <= 2; r++) {
            OrgUnitId region = addUnit(ops, "r" + r, OrgUnitType.REGION, headOffice);
            for (int b = 1; b <= 2; b++) {
                OrgUnitId branch = addUnit(ops, "r" + r + "b" + b, OrgUnitType.BRANCH, region);
                addStaff(ops, "bm-r" + r + "b" + b, branch, "BRANCH_MANAGER");
                for (int t = 1; t <= 2; t++) {
                    OrgUnitId team = addUnit(ops, "r" + r + "b" + b + "t" + t, OrgUnitType.TEAM, branch);
                    addStaff(ops, "tl-r" + r + "b" + b + "t" + t, team, "TEAM_LEAD");
                    for (int m = 1; m <= 3; m++) {
                        addStaff(ops, "rm-r" + r + "b" + b + "t" + t + "m" + m, team, "RM");
                    }
                }
            }
        }
        addStaff(ops, "cc-1", headOffice, "CALL_CENTRE");
        addStaff(ops, "cc-2", headOffice, "CALL_CENTRE");
        addStaff(ops, "compliance", headOffice, "COMPLIANCE");
        principal("nightly", Actor.system(run + "-nightly", "NIGHTLY"), "NIGHTLY");
        principal("mobile-api", Actor.client(run + "-mobile", unit("r1b1"), "MOBILE_API"), "MOBILE_API");
        principal("no-roles", Actor.staff(staff("nobody"), unit("r1b1t1"), "UNKNOWN"), "UNKNOWN");
        seed(ops);
    }

    public OrgUnitId unit(String name) {
        return OrgUnitId.of(run + "-" + name);
    }

    public StaffId staff(String name) {
        return StaffId.of(run + "-" + name);
    }

    private void record(OrgUnitId id, OrgUnitId parent, OrgUnitType type) {
        typeOf.put(id, type);
        if (parent != null) {
            parentOf.put(id, parent);
        }
    }

    private OrgUnitId addUnit(CrmSession ops, String name, OrgUnitType type, OrgUnitId parent) {
        OrgUnitId id = unit(name);
        ops.organisation().addUnit(id, name, type, parent);
        record(id, parent, type);
        return id;
    }

    private void addStaff(CrmSession ops, String name, OrgUnitId unit, String role) {
        ops.organisation().addStaff(staff(name), "Staff " + name, unit, Set.of(role));
        unitOfStaff.put(staff(name), unit);
        principal(name, Actor.staff(staff(name), unit, role), role);
    }

    private Principal principal(String name, Actor actor, String role) {
        Principal p = new Principal(name, actor, role);
        principals.put(name, p);
        return p;
    }

    private void seed(CrmSession ops) {
        List<Customer> customers = new ArrayList<>();
        for (Map.Entry<StaffId, OrgUnitId> e : unitOfStaff.entrySet()) {
            if (!e.getKey().value().contains("-rm-") || (!everyRm && !e.getKey().value().endsWith("m1"))) {
                continue;
            }
            for (int i = 0; i < customersPerRm; i++) {
                customers.add(ops.customers().register(NewCustomer.individual("Canary Person " + i)
                        .identifier(Identifier.nationalId("CN", ValidIdentifiers.cnResidentId()))
                        .contactPoint(ContactPoint.phone("+86138" + (10000000 + customers.size()), "mobile"))
                        .birthDate(LocalDate.of(1980, 5, 17)).owner(e.getKey()).branch(e.getValue()).active().build()));
            }
        }
        // By team, then id: the first half of the list is region 1 and the second region 2, whatever
        // order the managers were seeded in or the ids came out (ids made in the same millisecond
        // are not ordered by time).
        customers.sort(java.util.Comparator.comparing((Customer c) -> c.branch().value()).thenComparing(Customer::id));
        int n = customers.size();
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(i);
            // Half-way round the list is the other region: every relationship crosses a scope.
            Customer other = customers.get((i + n / 2) % n);
            if (parentOf.get(branchOf(c.branch())).equals(parentOf.get(branchOf(other.branch())))) {
                throw new IllegalStateException("the generated relationship should cross regions");
            }
            Contact contact = ops.customers().addContact(NewContact.of(c.id(), "Contact " + i, "Director"));
            LinkedAccount account = ops.accounts().link(NewAccount.of(c.id(), "core", run + "-acc-" + i, ProductLine.DEPOSIT,
                    Currency.getInstance("CNY")));
            ops.accounts().recordSnapshot(new AccountSnapshot(account.id(), LocalDate.of(2025, 6, 1),
                    Money.of("1000.00", "CNY"), List.of()));
            Interaction interaction = ops.interactions().record(NewInteraction.of(c.id(), Channel.PHONE, Direction.OUTBOUND)
                    .subject("Review").externalRef(ExternalRef.of("feed", run + "-ix-" + i)).build());
            Opportunity opportunity = ops.opportunities().open(NewOpportunity.of(c.id(), PIPELINE, "Fund " + i,
                    Money.of("5000", "CNY"), OpportunitySource.REFERRAL));
            Task task = ops.tasks().assign(NewTask.of("Call back", c.owner(), NOW.plusSeconds(86_400)).about(c.id())
                    .aboutOpportunity(opportunity.id()));
            Relationship rel = ops.customers().relate(c.id(), RelationshipType.REFERRED_BY, other.id(), null);
            // a double opt-in waiting for confirmation, so consents.confirm has something to confirm
            ops.consents().capture(io.crmkit.core.consent.NewConsent.grant(c.id(),
                    io.crmkit.core.consent.ContactPointKind.EMAIL, io.crmkit.core.customer.ConsentPurpose.MARKETING,
                    "kit:signup").doubleOptIn().build());
            io.crmkit.core.casework.ServiceCase open = ops.cases().open(io.crmkit.core.casework.NewCase.of(c.id(),
                    io.crmkit.core.casework.CaseKind.SERVICE_REQUEST, Channel.PHONE, "fees"));
            io.crmkit.core.casework.ServiceCase done = ops.cases().open(io.crmkit.core.casework.NewCase.of(c.id(),
                    io.crmkit.core.casework.CaseKind.ENQUIRY, Channel.WEB, "fees"));
            done = ops.cases().resolve(done.id(), io.crmkit.core.casework.Resolution.of("explained", null));
            books.add(new Book(c, contact, account, interaction, opportunity, task, rel, open, done));
        }
    }

    /** The policy a generated case runs under by default (first response in 4 hours round the clock, escalated). */
    public io.crmkit.core.casework.SlaPolicyId standardPolicy() {
        return io.crmkit.core.casework.SlaPolicyId.of(run + "-sla");
    }

    /** A second policy, applied only on request. */
    public io.crmkit.core.casework.SlaPolicyId alternativePolicy() {
        return io.crmkit.core.casework.SlaPolicyId.of(run + "-sla-alt");
    }

    private void definePolicies(CrmSession ops) {
        io.crmkit.core.casework.BusinessCalendar always = io.crmkit.core.casework.BusinessCalendar.always("always", ZoneOffset.UTC);
        ops.cases().definePolicy(io.crmkit.core.casework.SlaPolicyDefinition.builder(standardPolicy().value(), "Standard")
                .rank(10)
                .target(new io.crmkit.core.casework.SlaTarget("first-response", io.crmkit.core.casework.SlaMetric.FIRST_RESPONSE,
                        java.time.Duration.ofHours(4), always, List.of(
                                io.crmkit.core.casework.Threshold.of(75, io.crmkit.core.casework.EscalationLevel.OWNER),
                                io.crmkit.core.casework.Threshold.of(100, io.crmkit.core.casework.EscalationLevel.TEAM_LEAD),
                                io.crmkit.core.casework.Threshold.of(150, io.crmkit.core.casework.EscalationLevel.BRANCH_MANAGER))))
                .survey(io.crmkit.core.casework.SurveyRule.of(1, java.time.Duration.ofDays(30))).build());
        ops.cases().definePolicy(io.crmkit.core.casework.SlaPolicyDefinition.builder(alternativePolicy().value(), "Alternative")
                .categories("never-chosen")
                .target(new io.crmkit.core.casework.SlaTarget("resolution", io.crmkit.core.casework.SlaMetric.RESOLUTION,
                        java.time.Duration.ofHours(8), always, List.of())).build());
    }

    /** The nearest branch at or above a unit. */
    public OrgUnitId branchOf(OrgUnitId unit) {
        OrgUnitId at = unit;
        while (at != null && typeOf.get(at) != OrgUnitType.BRANCH) {
            at = parentOf.get(at);
        }
        return at == null ? unit : at;
    }

    /** Whether {@code unit} is {@code root} or below it. */
    public boolean within(OrgUnitId unit, OrgUnitId root) {
        for (OrgUnitId at = unit; at != null; at = parentOf.get(at)) {
            if (at.equals(root)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The brute-force oracle: whether the principal's grant of {@code op} reaches {@code c}, worked
     * out from the generated roles and tree, independently of the library's scope resolution.
     */
    public boolean reaches(Principal p, Operation op, Customer c) {
        Depth d = depthOf(p.role(), op);
        if (d == null) {
            return false;
        }
        StaffId self = p.actor().staffId();
        OrgUnitId unit = p.actor().orgUnit();
        OrgUnitId ownerUnit = c.owner() == null ? null : unitOfStaff.get(c.owner());
        return switch (d) {
            case ALL -> true;
            case OWN -> self != null && self.equals(c.owner());
            case TEAM -> unit != null && (unit.equals(c.branch()) || unit.equals(ownerUnit) || (self != null && self.equals(c.owner())));
            case BRANCH -> unit != null && ((c.branch() != null && within(c.branch(), branchOf(unit)))
                    || (ownerUnit != null && within(ownerUnit, branchOf(unit))) || (self != null && self.equals(c.owner())));
            case SUBTREE -> unit != null && ((c.branch() != null && within(c.branch(), unit))
                    || (ownerUnit != null && within(ownerUnit, unit)));
        };
    }

    static Depth depthOf(String role, Operation op) {
        return switch (role) {
            case "RM" -> desk(op) ? Depth.OWN : null;
            case "TEAM_LEAD" -> desk(op) || op == Operation.APPROVE ? Depth.TEAM : null;
            case "BRANCH_MANAGER" -> desk(op) || op == Operation.APPROVE || op == Operation.AUDIT_READ ? Depth.BRANCH : null;
            case "CALL_CENTRE" -> op == Operation.CUSTOMER_READ || op == Operation.INTERACTION_RECORD ? Depth.ALL : null;
            case "COMPLIANCE" -> op == Operation.CUSTOMER_READ || op == Operation.AUDIT_READ || op == Operation.APPROVE ? Depth.ALL : null;
            case "ADMIN" -> Depth.ALL;
            case "NIGHTLY" -> op == Operation.CUSTOMER_READ || op == Operation.TIER_RULE || op == Operation.ANALYTICS_READ ? Depth.ALL : null;
            case "MOBILE_API" -> op == Operation.CUSTOMER_READ || op == Operation.INTERACTION_RECORD ? Depth.BRANCH : null;
            default -> null;
        };
    }

    private static boolean desk(Operation op) {
        return switch (op) {
            case CUSTOMER_READ, CUSTOMER_REGISTER, CUSTOMER_UPDATE, CUSTOMER_LIFECYCLE, CONTACT_WRITE, RELATIONSHIP_WRITE,
                    ACCOUNT_LINK, ACCOUNT_STATUS, ACCOUNT_SNAPSHOT, INTERACTION_RECORD, OPPORTUNITY_WRITE, TASK_ASSIGN,
                    TASK_WORK, TIER_OVERRIDE, CASE_WRITE, SURVEY_WRITE, CONSENT_WRITE, CONTACT_RECORD -> true;
            default -> false;
        };
    }

    /** The book of a customer. */
    public Book book(CustomerId id) {
        return books.stream().filter(b -> b.customer().id().equals(id)).findFirst().orElseThrow();
    }

    /** Every id of a book's records. */
    public static List<String> ids(Book b) {
        return List.of(b.customer().id().value(), b.contact().id().value(), b.account().id().value(),
                b.interaction().id().value(), b.opportunity().id().value(), b.task().id().value(), b.relationship().id().value(),
                b.openCase().id().value(), b.resolvedCase().id().value());
    }
}
