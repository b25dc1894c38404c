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
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.casework.CaseKind;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
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
import io.crmkit.core.info.NewSubscription;
import io.crmkit.core.info.PushChannel;
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
import io.crmkit.core.outreach.Engagement;
import io.crmkit.core.outreach.EngagementKind;
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
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Merge and unmerge over the store, through the services: a duplicate holding a child record of
 * every kind the merge moves (contacts, relationships to a third customer and to the survivor,
 * linked accounts with their snapshots, interactions, opportunities, tasks, alerts, tier history,
 * pending approval requests, service cases, consents, do-not-contact flags, the contact log,
 * campaign memberships with their opens and clicks, subscriptions) is merged into a survivor with
 * children of its own: every child moves to the survivor and the move log names every kind, except
 * what the survivor already holds (a stricter consent, a membership of the same campaign, a
 * subscription to the same topic), which stays on the tombstone; consents follow the most
 * restrictive one; a read through the merged id resolves to the survivor; unmerge then returns
 * every record of the three customers to what it was (only versions and bookkeeping times differ,
 * by design).
 */
public abstract class MergeFlowContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00.123456Z");
    private static final LocalDate FAR = LocalDate.of(2999, 1, 1);
    private static final TierCode GOLD = TierCode.of("GOLD");
    private static final TierCode SILVER = TierCode.of("SILVER");
    private static final Instant EARLY = Instant.parse("2000-01-01T00:00:00Z");

    private final StaffId adminId = StaffId.of(UniqueIds.next("admin"));
    private final OrgUnitId head = OrgUnitId.of(UniqueIds.next("ho"));
    private final OrgUnitId branch = OrgUnitId.of(UniqueIds.next("br"));
    private CrmSession admin;
    private Customer survivor;
    private Customer duplicate;
    private Customer third;
    private Campaign alone;
    private Campaign shared;

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
        serviceChildren(d);
    }

    /** Cases, consents, flags, the contact log, campaigns and subscriptions of the duplicate, and some the survivor shares. */
    private void serviceChildren(CustomerId d) {
        CustomerId s = survivor.id();
        admin.cases().open(NewCase.of(d, CaseKind.COMPLAINT, Channel.PHONE, "fees"));
        // only the duplicate's: moves
        admin.consents().capture(NewConsent.grant(d, ContactPointKind.EMAIL, ConsentPurpose.MARKETING, "web:signup").build());
        // the duplicate's refusal is stricter than the survivor's grant: the survivor's record takes it
        admin.consents().capture(NewConsent.grant(s, ContactPointKind.PHONE, ConsentPurpose.MARKETING, "branch:form").build());
        admin.consents().capture(NewConsent.refuse(d, ContactPointKind.PHONE, ConsentPurpose.MARKETING, "callcentre:call").build());
        // the survivor's withdrawal is stricter than the duplicate's grant: the survivor's stays, the duplicate's stays on the tombstone
        admin.consents().capture(NewConsent.grant(s, ContactPointKind.APP, ConsentPurpose.INFORMATION, "app:settings").build());
        admin.consents().withdraw(s, ContactPointKind.APP, ConsentPurpose.INFORMATION, "app:settings");
        admin.consents().capture(NewConsent.grant(d, ContactPointKind.APP, ConsentPurpose.INFORMATION, "app:onboarding").build());
        admin.consents().setDoNotContact(s, false, Set.of(Channel.PHONE), "branch:request");
        admin.consents().setDoNotContact(d, false, Set.of(Channel.SMS), "callcentre:request");
        admin.contactPolicy().attempt(ContactRequest.of(d, Channel.EMAIL, ConsentPurpose.SERVICE));
        alone = launch("alone", List.of(d));
        shared = launch("shared", List.of(s, d));
        admin.campaigns().recordEngagement(alone.id(), d, EngagementKind.CLICKED, NOW, false);
        admin.campaigns().recordEngagement(shared.id(), d, EngagementKind.OPENED, NOW, false);
        admin.information().subscribe(NewSubscription.of(d, "fx-daily", PushChannel.EMAIL));
        admin.information().subscribe(NewSubscription.of(d, "research", PushChannel.APP));
        admin.information().subscribe(NewSubscription.of(s, "research", PushChannel.APP));
    }

    private Campaign launch(String name, List<CustomerId> audience) {
        Campaign c = admin.campaigns().define(NewCampaign.of(name + "-" + UniqueIds.next("c"), Channel.EMAIL));
        return admin.campaigns().launch(c.id(), c.meta().version(), Audience.of(name, "kit", audience));
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
        kinds.put("cases", id -> s.cases().findByCustomer(id));
        kinds.put("consents", id -> s.consents().findByCustomer(id));
        kinds.put("doNotContact", id -> s.doNotContact().findById(id).map(List::of).orElse(List.of()));
        kinds.put("contactLog", id -> s.contactLog().findByCustomer(id, EARLY, FAR.atStartOfDay().toInstant(ZoneOffset.UTC)));
        kinds.put("memberships", id -> s.campaignMembers().findByCustomer(id));
        kinds.put("engagements", id -> List.of(alone, shared).stream()
                .flatMap(c -> s.engagements().findBySource(Engagement.campaignSource(c.id().value())).stream())
                .filter(e -> e.customerId().equals(id)).toList());
        kinds.put("subscriptions", id -> s.subscriptions().findByCustomer(id));
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
        // what the survivor already holds stays on the tombstone: its flags, the consents the survivor's
        // are at least as strict as, its membership of a shared campaign, a subscription to the same topic
        Map<String, Integer> staying = Map.of("consents", 2, "doNotContact", 1, "memberships", 1, "engagements", 1,
                "subscriptions", 1);
        merged.forEach((key, value) -> {
            String kind = key.substring(0, key.indexOf(' '));
            if (key.endsWith(" " + duplicate.id()) && !kind.equals("customer")) {
                assertThat(value).as("%s of the duplicate after the merge (survivor %s)", key, survivor.id())
                        .hasSize(staying.getOrDefault(kind, 0));
            }
        });
        assertThat(merged.get("cases " + survivor.id())).hasSize(1);
        assertThat(merged.get("contactLog " + survivor.id())).as("the frequency caps count the person's contacts once")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(merged.get("memberships " + survivor.id())).as("one membership per campaign").hasSize(2);
        assertThat(merged.get("subscriptions " + survivor.id())).hasSize(2);
        assertThat(admin.information().unsubscribe(survivor.id(), "fx-daily", PushChannel.EMAIL).active())
                .as("a moved subscription is the survivor's own: it can be ended through the survivor").isFalse();
        admin.information().subscribe(NewSubscription.of(survivor.id(), "fx-daily", PushChannel.EMAIL));
        assertThat(store().subscriptions().findByCustomer(survivor.id())).as("and taken again, not doubled").hasSize(2);
        Map<String, ConsentStatus> consents = new LinkedHashMap<>();
        store().consents().findByCustomer(survivor.id()).forEach(c -> consents.put(c.point() + "/" + c.purpose(), c.status()));
        assertThat(consents).as("the most restrictive consent per contact point and purpose")
                .containsOnly(Map.entry("EMAIL/MARKETING", ConsentStatus.GRANTED), Map.entry("PHONE/MARKETING", ConsentStatus.DENIED),
                        Map.entry("APP/INFORMATION", ConsentStatus.WITHDRAWN));
        assertThat(store().doNotContact().findById(survivor.id()).orElseThrow().channels()).as("the flags are the union")
                .containsExactlyInAnyOrder(Channel.PHONE, Channel.SMS);
        assertThat(merged.get("interactions " + survivor.id())).hasSize(3);
        assertThat(merged.get("snapshots " + survivor.id())).as("snapshots follow their account").hasSize(1);
        assertThat(store().relationships().findByCustomer(survivor.id())).hasSize(2)
                .allSatisfy(r -> assertThat(List.of(r.from(), r.to())).contains(survivor.id(), third.id()));
        assertThat(admin.merges().resolve(duplicate.id())).as("a read through the merged id").isEqualTo(survivor.id());
        assertThat(admin.customers().get(duplicate.id()).id()).isEqualTo(survivor.id());
        assertThat(admin.customers().view(duplicate.id()).customer().id()).as("the 360 view through the merged id")
                .isEqualTo(survivor.id());

        MergeRecord undone = admin.merges().unmerge(m.id());

        assertThat(undone.status()).isEqualTo(MergeStatus.UNDONE);
        assertThat(state()).isEqualTo(before);
        assertThat(admin.merges().resolve(duplicate.id())).isEqualTo(duplicate.id());
    }
}
