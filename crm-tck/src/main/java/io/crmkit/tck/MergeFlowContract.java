package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.MergeStatus;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Merge and unmerge over the store, through the services: a duplicate holding a child record of
 * every kind the merge moves (contacts, relationships to a third customer and to the survivor,
 * linked accounts with their snapshots, interactions, opportunities, tasks, alerts, tier history,
 * pending approval requests) is merged into a survivor with children of its own: every child
 * moves to the survivor and the move log names every kind; a read through the merged id resolves
 * to the survivor; unmerge then returns every record of the three customers to what it was (only
 * versions and bookkeeping times differ, by design).
 */
public abstract class MergeFlowContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00.123456Z");
    private static final LocalDate FAR = LocalDate.of(2999, 1, 1);
    private static final TierCode GOLD = TierCode.of("GOLD");
    private static final TierCode SILVER = TierCode.of("SILVER");

    private final StaffId adminId = StaffId.of(UniqueIds.next("admin"));
    private final OrgUnitId head = OrgUnitId.of(UniqueIds.next("ho"));
    private final OrgUnitId branch = OrgUnitId.of(UniqueIds.next("br"));
    private CrmSession admin;
    private Customer survivor;
    private Customer duplicate;
    private Customer third;

    private void setUp() {
        Crm crm = Crm.builder().store(store()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .permissions(Permissions.builder().role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build()).build())
                .fourEyes(FourEyes.builder().rule(ApprovalRule.always("tier-override", Operation.TIER_OVERRIDE)).build()).build();
        admin = crm.as(Actor.staff(adminId, head, "ADMIN"));
        admin.organisation().addUnit(head, "HO", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(branch, "B1", OrgUnitType.BRANCH, head);
        List<TierCode> defined = admin.tiers().definitions().stream().map(TierDefinition::code).toList();
        if (!defined.contains(GOLD) || !defined.contains(SILVER)) {
            admin.tiers().define(TierDefinition.of("GOLD", "Gold", 1), TierDefinition.of("SILVER", "Silver", 2));
        }
        survivor = admin.customers().register(NewCustomer.individual("Zhang Wei").branch(branch).active()
                .identifier(Identifier.nationalId("CN", ValidIdentifiers.cnResidentId()))
                .identifier(Identifier.external("core-banking", UniqueIds.next("cb")))
                .contactPoint(ContactPoint.phone("+8613912345678", "mobile")).tag("vip").build());
        duplicate = admin.customers().register(NewCustomer.individual("WEI ZHANG").preferredName("Wei").branch(branch).active()
                .birthDate(LocalDate.of(1990, 3, 7)).identifier(Identifier.external("branch-crm", UniqueIds.next("brc")))
                .contactPoint(ContactPoint.email("wei.zhang@example.com", "home")).tag("branch-import").build());
        third = admin.customers().register(NewCustomer.individual("Li Na").branch(branch).active().build());
    }

    /** Gives the duplicate a child of every kind, and the survivor an interaction of its own. */
    private void children() {
        CustomerId d = duplicate.id();
        admin.customers().addContact(NewContact.of(d, "Assistant", "PA"));
        admin.customers().relate(d, RelationshipType.SPOUSE, third.id(), null);
        admin.customers().relate(third.id(), RelationshipType.REFERRED_BY, d, null);
        admin.customers().relate(d, RelationshipType.HOUSEHOLD_MEMBER, survivor.id(), null); // between the two
        LinkedAccount account = admin.accounts().link(NewAccount.of(d, "core-banking", UniqueIds.next("acc"), ProductLine.FUND,
                Money.currency("CNY")));
        store().runInTransaction(() -> store().accounts().saveSnapshot(Fixtures.snapshot(account.id(), LocalDate.of(2026, 11, 20),
                "1200.50")));
        admin.interactions().record(NewInteraction.of(d, Channel.PHONE, Direction.INBOUND).subject("call").build());
        admin.interactions().record(NewInteraction.of(d, Channel.EMAIL, Direction.OUTBOUND).subject("mail").build());
        PipelineId pipeline = PipelineId.of(UniqueIds.next("pl"));
        admin.opportunities().definePipeline(pipeline, "Wealth", List.of(Stage.open("LEAD", "Lead", 10), Stage.won("WON", "Won"),
                Stage.lost("LOST", "Lost")));
        admin.opportunities().open(NewOpportunity.of(d, pipeline, "Deal", Money.of("100", "CNY"), OpportunitySource.REFERRAL));
        admin.tasks().assign(NewTask.of("Follow up", adminId, NOW.plusSeconds(3600)).about(d));
        admin.alerts().raise(new NewAlert(null, "big-withdrawal", d, null, AlertSeverity.HIGH, null, "withdrawal",
                UniqueIds.next("ev"), NOW));
        admin.tiers().assignByRule(d, SILVER, "rule: balance");
        assertThatThrownBy(() -> admin.tiers().assignManually(d, GOLD, "promote", null))
                .isInstanceOf(ApprovalRequiredException.class);
        admin.interactions().record(NewInteraction.of(survivor.id(), Channel.MEETING, Direction.INBOUND).subject("visit").build());
    }

    /** Every record of the three customers, per kind, as JSON without bookkeeping. */
    private Map<String, JsonNode> state() {
        CrmStore s = store();
        Map<String, Function<CustomerId, Object>> kinds = new LinkedHashMap<>();
        kinds.put("customer", id -> s.customers().findById(id).orElseThrow());
        kinds.put("contacts", id -> s.contacts().findByCustomer(id));
        kinds.put("relationships", id -> s.relationships().findByCustomer(id));
        kinds.put("accounts", id -> s.accounts().findByCustomer(id));
        kinds.put("snapshots", id -> s.accounts().latestSnapshots(id, FAR));
        kinds.put("interactions", id -> s.interactions().timeline(id, PageRequest.first(100)).items());
        kinds.put("opportunities", id -> s.opportunities().findByCustomer(id));
        kinds.put("tasks", id -> s.tasks().findByCustomer(id));
        kinds.put("alerts", id -> s.alerts().findByCustomer(id));
        kinds.put("tiers", id -> s.tiers().history(id));
        kinds.put("pending", id -> s.approvals().findByCustomer(id));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Customer c : List.of(survivor, duplicate, third)) {
            kinds.forEach((kind, read) -> out.put(kind + " " + c.id(), strip(read.apply(c.id()))));
        }
        return out;
    }

    private static JsonNode strip(Object value) {
        JsonNode n = CrmJson.mapper().valueToTree(value);
        removeMeta(n);
        return n;
    }

    private static void removeMeta(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("meta");
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
            removeMeta(it.next());
        }
    }

    @Test
    @DisplayName("merge moves every child of every kind to the survivor; unmerge returns every record of the three customers")
    void roundTripRestoresEveryKind() {
        setUp();
        children();
        Map<String, JsonNode> before = state();

        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());

        assertThat(m.status()).isEqualTo(MergeStatus.MERGED);
        assertThat(m.moves()).extracting(ChildMove::kind).as("the move log names every kind").contains(ChildMove.Kind.values());
        Map<String, JsonNode> merged = state();
        merged.forEach((key, value) -> {
            if (key.endsWith(" " + duplicate.id()) && !key.startsWith("customer ")) {
                assertThat(value).as("%s of the duplicate after the merge (survivor %s)", key, survivor.id()).isEmpty();
            }
        });
        assertThat(merged.get("interactions " + survivor.id())).hasSize(3);
        assertThat(merged.get("snapshots " + survivor.id())).as("snapshots follow their account").hasSize(1);
        assertThat(store().relationships().findByCustomer(survivor.id())).hasSize(2)
                .allSatisfy(r -> assertThat(List.of(r.from(), r.to())).contains(survivor.id(), third.id()));
        assertThat(admin.merges().resolve(duplicate.id())).as("a read through the merged id").isEqualTo(survivor.id());
        assertThat(admin.customers().get(duplicate.id()).id()).isEqualTo(survivor.id());

        MergeRecord undone = admin.merges().unmerge(m.id());

        assertThat(undone.status()).isEqualTo(MergeStatus.UNDONE);
        assertThat(state()).isEqualTo(before);
        assertThat(admin.merges().resolve(duplicate.id())).isEqualTo(duplicate.id());
    }
}
