package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.campaign.Campaign;
import io.crmkit.core.campaign.NewCampaign;
import io.crmkit.core.casework.CaseKind;
import io.crmkit.core.casework.CaseStatus;
import io.crmkit.core.casework.NewCase;
import io.crmkit.core.casework.ServiceCase;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.ContactRequest;
import io.crmkit.core.consent.NewConsent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureId;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
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
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.MergeField;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.MergeStatus;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.merge.SurvivorshipRule;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.OrgUnitType;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.outreach.EngagementKind;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.tier.TierDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Merge and unmerge of duplicate customers")
class MergeServiceTest {
    private static final StaffId ADMIN = StaffId.of("admin");
    private static final OrgUnitId HO = OrgUnitId.of("ho");
    private static final OrgUnitId B1 = OrgUnitId.of("b1");
    private static final OrgUnitId B2 = OrgUnitId.of("b2");

    private CrmStore store;
    private Crm crm;
    private CrmSession admin;
    private CrmSession checker;
    private Customer survivor;
    private Customer duplicate;
    private Customer third;
    private Campaign campaign;

    @BeforeEach
    void setUp() {
        store = InMemoryCrmStore.create();
        crm = Crm.builder().store(store).clock(Fixtures.clock()).permissions(Permissions.builder()
                        .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build())
                        .role(Role.builder("BM").grant(Depth.BRANCH, Operation.CUSTOMER_READ, Operation.CUSTOMER_MERGE).build())
                        .build())
                .fourEyes(FourEyes.builder().rule(ApprovalRule.always("tier-override", Operation.TIER_OVERRIDE)).build()).build();
        admin = crm.as(Actor.staff(ADMIN, HO, "ADMIN"));
        checker = crm.as(Actor.staff(StaffId.of("checker"), HO, "ADMIN"));
        admin.organisation().addUnit(HO, "HO", OrgUnitType.HEAD_OFFICE, null);
        admin.organisation().addUnit(B1, "B1", OrgUnitType.BRANCH, HO);
        admin.organisation().addUnit(B2, "B2", OrgUnitType.BRANCH, HO);
        admin.opportunities().definePipeline(Fixtures.WEALTH, "Wealth", Fixtures.STAGES);
        admin.tiers().define(TierDefinition.of("GOLD", "Gold", 1), TierDefinition.of("SILVER", "Silver", 2));
        survivor = admin.customers().register(NewCustomer.individual("Zhang Wei").branch(B1).active()
                .identifier(Identifier.nationalId("CN", "110101199003074514")).identifier(Identifier.external("core-banking", "CB-1"))
                .contactPoint(ContactPoint.phone("+8613912345678", "mobile")).tag("vip")
                .profile(new Profile(null, "Shanghai", null, null, null, null, null)).build());
        duplicate = admin.customers().register(NewCustomer.individual("WEI ZHANG").preferredName("Wei").branch(B1).active()
                .birthDate(LocalDate.of(1990, 3, 7)).identifier(Identifier.external("branch-crm", "BR-77"))
                .identifier(Identifier.external("core-banking", "CB-2"))
                .contactPoint(ContactPoint.email("wei.zhang@example.com", "home")).tag("branch-import")
                .profile(new Profile("east", "Shanghai", "engineer", null, null, null, null)).build());
        third = admin.customers().register(NewCustomer.individual("Li Na").branch(B1).active().build());
    }

    /** Gives the duplicate a child of every kind; returns nothing, the state is read back by {@link #state}. */
    private void children() {
        admin.customers().addContact(NewContact.of(duplicate.id(), "Assistant", "PA"));
        admin.customers().relate(duplicate.id(), RelationshipType.SPOUSE, third.id(), null);
        admin.customers().relate(third.id(), RelationshipType.REFERRED_BY, duplicate.id(), null);
        admin.customers().relate(duplicate.id(), RelationshipType.HOUSEHOLD_MEMBER, survivor.id(), null); // between the two
        admin.accounts().link(NewAccount.of(duplicate.id(), "core-banking", "ACC-9", ProductLine.FUND, Money.currency("CNY")));
        admin.interactions().record(NewInteraction.of(duplicate.id(), Channel.PHONE, Direction.INBOUND).subject("call").build());
        admin.interactions().record(NewInteraction.of(duplicate.id(), Channel.EMAIL, Direction.OUTBOUND).subject("mail").build());
        admin.opportunities().open(NewOpportunity.of(duplicate.id(), Fixtures.WEALTH, "Deal", Money.of("100", "CNY"),
                OpportunitySource.REFERRAL));
        admin.tasks().assign(NewTask.of("Follow up", ADMIN, Fixtures.NOW.plusSeconds(3600)).about(duplicate.id()));
        admin.alerts().raise(new NewAlert(null, "big-withdrawal", duplicate.id(), null, AlertSeverity.HIGH, null, "withdrawal",
                "ev-1", Fixtures.NOW));
        admin.tiers().assignByRule(duplicate.id(), TierCode.of("SILVER"), "rule: balance");
        assertThatThrownBy(() -> admin.tiers().assignManually(duplicate.id(), TierCode.of("GOLD"), "promote", null))
                .isInstanceOf(ApprovalRequiredException.class);
        // the survivor has children of its own, which must stay
        admin.interactions().record(NewInteraction.of(survivor.id(), Channel.MEETING, Direction.INBOUND).subject("visit").build());
        // service, consent and outreach children
        CustomerId d = duplicate.id();
        admin.cases().open(NewCase.of(d, CaseKind.COMPLAINT, Channel.PHONE, "fees"));
        admin.consents().capture(NewConsent.grant(d, ContactPointKind.EMAIL, ConsentPurpose.MARKETING, "web:signup").build());
        admin.consents().capture(NewConsent.grant(survivor.id(), ContactPointKind.PHONE, ConsentPurpose.MARKETING, "branch:form")
                .build());
        admin.consents().capture(NewConsent.refuse(d, ContactPointKind.PHONE, ConsentPurpose.MARKETING, "callcentre:call").build());
        admin.consents().setDoNotContact(d, false, Set.of(Channel.SMS), "callcentre:request");
        admin.contactPolicy().attempt(ContactRequest.of(d, Channel.EMAIL, ConsentPurpose.SERVICE));
        Campaign c = admin.campaigns().define(NewCampaign.of("Spring", Channel.EMAIL));
        campaign = admin.campaigns().launch(c.id(), c.meta().version(), Audience.of("one", "x = 1", List.of(d)));
        admin.campaigns().recordEngagement(campaign.id(), d, EngagementKind.CLICKED, Fixtures.NOW, false);
        admin.information().subscribe(NewSubscription.of(d, "fx-daily", PushChannel.EMAIL));
    }

    /** Every aggregate of the three customers as JSON without bookkeeping (versions and times change by design). */
    private Map<String, JsonNode> state() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Customer c : List.of(survivor, duplicate, third)) {
            CustomerId id = c.id();
            out.put("customer " + id, strip(store.customers().findById(id).orElseThrow()));
            out.put("contacts " + id, strip(store.contacts().findByCustomer(id)));
            out.put("relationships " + id, strip(store.relationships().findByCustomer(id)));
            out.put("accounts " + id, strip(store.accounts().findByCustomer(id)));
            out.put("interactions " + id, strip(store.interactions().timeline(id, PageRequest.first(100)).items()));
            out.put("opportunities " + id, strip(store.opportunities().findByCustomer(id)));
            out.put("tasks " + id, strip(store.tasks().findByCustomer(id)));
            out.put("alerts " + id, strip(store.alerts().findByCustomer(id)));
            out.put("tiers " + id, strip(store.tiers().history(id)));
            out.put("pending " + id, strip(store.approvals().findByCustomer(id)));
            out.put("cases " + id, strip(store.cases().findByCustomer(id)));
            out.put("consents " + id, strip(store.consents().findByCustomer(id)));
            out.put("doNotContact " + id, strip(store.doNotContact().findById(id).map(List::of).orElse(List.of())));
            out.put("contactLog " + id, strip(store.contactLog().findByCustomer(id, Instant.EPOCH, Fixtures.NOW.plusSeconds(86_400))));
            out.put("memberships " + id, strip(store.campaignMembers().findByCustomer(id)));
            out.put("engagements " + id, strip(campaign == null ? List.of()
                    : store.engagements().findBySource("campaign:" + campaign.id().value()).stream()
                            .filter(e -> e.customerId().equals(id)).toList()));
            out.put("subscriptions " + id, strip(store.subscriptions().findByCustomer(id)));
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
    @DisplayName("merge moves every child of every kind to the survivor; unmerge puts every one back and restores both customers")
    void roundTripRestoresEveryAggregate() {
        children();
        Map<String, JsonNode> before = state();

        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());

        assertThat(m.status()).isEqualTo(MergeStatus.MERGED);
        assertThat(m.moves()).extracting(ChildMove::kind).contains(ChildMove.Kind.values());
        assertThat(store.contacts().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.relationships().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.accounts().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.interactions().timeline(duplicate.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.opportunities().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.tasks().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.alerts().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.tiers().history(duplicate.id())).isEmpty();
        assertThat(store.approvals().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.interactions().timeline(survivor.id(), PageRequest.first(10)).items()).hasSize(3);
        assertThat(store.relationships().findByCustomer(survivor.id())).hasSize(2)
                .allSatisfy(r -> assertThat(List.of(r.from(), r.to())).contains(survivor.id(), third.id()));
        assertThat(store.tiers().history(survivor.id())).hasSize(1);
        assertThat(store.approvals().findByCustomer(survivor.id())).hasSize(1);
        assertThat(store.cases().findByCustomer(duplicate.id())).isEmpty();
        assertThat(store.cases().findByCustomer(survivor.id())).hasSize(1);
        assertThat(store.contactLog().findByCustomer(duplicate.id(), Instant.EPOCH, Fixtures.NOW.plusSeconds(86_400))).isEmpty();
        assertThat(store.campaignMembers().findByCustomer(survivor.id())).hasSize(1);
        assertThat(store.subscriptions().findByCustomer(duplicate.id())).isEmpty();
        assertThat(admin.information().unsubscribe(survivor.id(), "fx-daily", PushChannel.EMAIL).active())
                .as("re-keyed: the survivor's own subscription").isFalse();
        admin.information().subscribe(NewSubscription.of(survivor.id(), "fx-daily", PushChannel.EMAIL));
        assertThat(store.consents().findByCustomer(survivor.id())).extracting(c -> c.point() + " " + c.status())
                .containsExactlyInAnyOrder("EMAIL GRANTED", "PHONE DENIED");
        assertThat(store.consents().findByCustomer(duplicate.id())).as("the stricter refusal's record stays on the tombstone")
                .hasSize(1);
        assertThat(store.doNotContact().findById(survivor.id())).as("created from the duplicate's flags").get()
                .satisfies(f -> assertThat(f.channels()).containsExactly(Channel.SMS));
        assertThat(m.consentsBefore()).singleElement().extracting(c -> c.status()).isEqualTo(ConsentStatus.GRANTED);

        MergeRecord undone = admin.merges().unmerge(m.id());

        assertThat(undone.status()).isEqualTo(MergeStatus.UNDONE);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("the survivor takes the duplicate's identifiers, contact points, tags and blank fields; the tombstone redirects reads")
    void survivorshipAndRedirect() {
        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        Customer s = admin.customers().get(survivor.id());

        assertThat(s.identifiers()).contains(Identifier.external("branch-crm", "BR-77"))
                .doesNotContain(Identifier.external("core-banking", "CB-2"));
        assertThat(s.contactPoints()).hasSize(2);
        assertThat(s.tags()).containsExactlyInAnyOrder("vip", "branch-import");
        assertThat(s.name().legal()).isEqualTo("Zhang Wei");
        assertThat(s.name().preferred()).isEqualTo("Wei");
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(s.profile().occupation()).isEqualTo("engineer");
        // reads through the merged id and its natural keys resolve to the survivor
        assertThat(admin.customers().get(duplicate.id()).id()).isEqualTo(survivor.id());
        assertThat(admin.customers().findByIdentifier(Identifier.external("branch-crm", "BR-77"))).get()
                .extracting(Customer::id).isEqualTo(survivor.id());
        assertThat(admin.customers().findByIdentifier(Identifier.external("core-banking", "CB-2"))).get()
                .extracting(Customer::id).isEqualTo(survivor.id());
        assertThat(admin.customers().findByIdentifiers(List.of(Identifier.external("core-banking", "CB-2"))))
                .extractingByKey(Identifier.external("core-banking", "CB-2")).extracting(Customer::id).isEqualTo(survivor.id());
        assertThat(admin.merges().resolve(duplicate.id())).isEqualTo(survivor.id());
        // the 360 view through the merged id is the survivor's view
        assertThat(admin.customers().view(duplicate.id()).customer().id()).isEqualTo(survivor.id());
        assertThat(admin.customers().view(duplicate.id()).accounts())
                .isEqualTo(admin.customers().view(survivor.id()).accounts());
        assertThat(admin.merges().mergesOf(duplicate.id())).containsExactly(m);
        Customer tomb = store.customers().findById(duplicate.id()).orElseThrow();
        assertThat(tomb.lifecycle()).isEqualTo(LifecycleStage.CLOSED);
        assertThat(admin.customers().list(io.crmkit.core.spi.CustomerQuery.all(), PageRequest.first(10)).items())
                .extracting(Customer::id).containsExactlyInAnyOrder(survivor.id(), third.id());
        // a tombstone cannot be merged again
        assertThatThrownBy(() -> admin.merges().merge(third.id(), duplicate.id(), Survivorship.defaults()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a case changed since the merge goes back with its change")
    void changedCaseGoesBack() {
        children();
        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        admin.cases().moveTo(store.cases().findByCustomer(survivor.id()).get(0).id(), CaseStatus.IN_PROGRESS);

        admin.merges().unmerge(m.id());

        assertThat(store.cases().findByCustomer(survivor.id())).isEmpty();
        assertThat(store.cases().findByCustomer(duplicate.id())).singleElement().extracting(ServiceCase::status)
                .isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("a consent captured since the merge is a conflict (the unmerge would overwrite it) and nothing is undone")
    void capturedConsentConflicts() {
        children();
        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        admin.consents().capture(NewConsent.grant(survivor.id(), ContactPointKind.PHONE, ConsentPurpose.MARKETING, "app:settings")
                .build());

        assertThatThrownBy(() -> admin.merges().unmerge(m.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Consent");
        assertThat(store.cases().findByCustomer(survivor.id())).as("nothing undone").hasSize(1);
        assertThat(admin.merges().find(m.id()).orElseThrow().status()).isEqualTo(MergeStatus.MERGED);
    }

    @Test
    @DisplayName("a case moved to another customer since the merge is a conflict, as for every moved kind")
    void caseMovedElsewhereConflicts() {
        children();
        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        ObjectNode moved = CrmJson.mapper().valueToTree(store.cases().findByCustomer(survivor.id()).get(0));
        moved.put("customerId", third.id().value());
        store.cases().save(CrmJson.mapper().convertValue(moved, ServiceCase.class));

        assertThatThrownBy(() -> admin.merges().unmerge(m.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ServiceCase");
        assertThat(store.cases().findByCustomer(third.id())).hasSize(1);
        assertThat(store.consents().findByCustomer(survivor.id())).as("nothing undone").hasSize(2);
    }

    @Test
    @DisplayName("a merge waits while either customer has an erasure scheduled")
    void scheduledErasureRefuses() {
        store.erasures().save(new Erasure(ErasureId.of("er-1"), duplicate.id(), ErasureStatus.SCHEDULED, PendingRequestId.of("pr-1"),
                "dpo-1", List.of("co-1"), Fixtures.NOW, Fixtures.NOW.plusSeconds(86_400), List.of("hold until 2027-01-01"), null,
                Map.of(), 0, 0, null, Meta.created(Fixtures.NOW, "dpo-1")));

        assertThatThrownBy(() -> admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("duplicate").hasMessageContaining("ErasureScheduled");
        assertThat(store.customers().findById(duplicate.id()).orElseThrow().tags()).doesNotContain(MergeService.TOMBSTONE_TAG);
        assertThatThrownBy(() -> admin.merges().merge(duplicate.id(), survivor.id(), Survivorship.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("survivor");
    }

    @Test
    @DisplayName("survivorship rules per field: manual choice, most recent and source priority")
    void rulesPerField() {
        Survivorship rules = Survivorship.defaults().with(MergeField.LEGAL_NAME, SurvivorshipRule.DUPLICATE)
                .with(MergeField.REGION, SurvivorshipRule.SURVIVOR)
                .with(MergeField.OCCUPATION, SurvivorshipRule.SOURCE_PRIORITY).withSourcePriority(List.of("core-banking"));

        Customer s = admin.merges().preview(survivor.id(), duplicate.id(), rules).survivorAfter();

        assertThat(s.name().legal()).isEqualTo("WEI ZHANG");
        assertThat(s.profile().region()).isEqualTo("east"); // the survivor has none: never blanked
        assertThat(s.profile().occupation()).isEqualTo("engineer");
        assertThat(store.customers().findById(survivor.id()).orElseThrow().name().legal()).as("a preview writes nothing")
                .isEqualTo("Zhang Wei");
    }

    @Test
    @DisplayName("children added to the survivor after the merge stay with it on unmerge; a survivor changed since is a conflict")
    void laterChildrenStayAndChangesConflict() {
        children();
        MergeRecord m = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        admin.interactions().record(NewInteraction.of(survivor.id(), Channel.APP, Direction.INBOUND).subject("after").build());

        admin.merges().unmerge(m.id());

        assertThat(store.interactions().timeline(survivor.id(), PageRequest.first(10)).items())
                .extracting(i -> i.subject()).containsExactlyInAnyOrder("visit", "after");
        assertThat(store.interactions().timeline(duplicate.id(), PageRequest.first(10)).items()).hasSize(2);
        assertThatThrownBy(() -> admin.merges().unmerge(m.id())).isInstanceOf(ValidationException.class);

        MergeRecord again = admin.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        Customer s = admin.customers().get(survivor.id());
        admin.customers().update(s.withTag("changed"));
        assertThatThrownBy(() -> admin.merges().unmerge(again.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("both customers must be visible: a branch manager cannot merge a customer of another branch, which looks absent")
    void scopeChecked() {
        Customer other = admin.customers().register(NewCustomer.individual("Elsewhere").branch(B2).active().build());
        CrmSession bm = crm.as(Actor.staff(StaffId.of("bm1"), B1, "BM"));

        assertThatThrownBy(() -> bm.merges().merge(survivor.id(), other.id(), Survivorship.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(other.id().value());
        assertThatThrownBy(() -> bm.merges().preview(other.id(), survivor.id(), Survivorship.defaults()))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.customers().findById(other.id()).orElseThrow().tags()).doesNotContain(MergeService.TOMBSTONE_TAG);
        MergeRecord m = bm.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults());
        assertThat(m.mergedBy()).isEqualTo("bm1");
    }

    @Test
    @DisplayName("with the merge rule, a merge waits for a second person and is applied when approved")
    void makerChecker() {
        Crm fourEyes = Crm.builder().store(store).clock(Fixtures.clock()).permissions(Permissions.builder()
                        .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build()).build())
                .fourEyes(FourEyes.builder().rule(ApprovalRule.customerMerge()).build()).build();
        CrmSession maker = fourEyes.as(Actor.staff(ADMIN, HO, "ADMIN"));

        ApprovalRequiredException parked = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> maker.merges().merge(survivor.id(), duplicate.id(), Survivorship.defaults()), ApprovalRequiredException.class);

        assertThat(store.customers().findById(duplicate.id()).orElseThrow().tags()).doesNotContain(MergeService.TOMBSTONE_TAG);
        fourEyes.as(Actor.staff(StaffId.of("checker"), HO, "ADMIN")).approvals().approve(parked.requestId(), "same person");
        assertThat(store.customers().findById(duplicate.id()).orElseThrow().tags()).contains(MergeService.TOMBSTONE_TAG);
        assertThat(maker.merges().mergesOf(survivor.id())).singleElement().extracting(MergeRecord::status)
                .isEqualTo(MergeStatus.MERGED);
    }

    @Test
    @DisplayName("bad input is refused with the field named and nothing written")
    void badInput() {
        assertThatThrownBy(() -> admin.merges().merge(survivor.id(), survivor.id(), Survivorship.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> admin.merges().merge(null, duplicate.id(), null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("survivor").hasMessageContaining("rules");
        assertThatThrownBy(() -> admin.merges().unmerge(io.crmkit.core.merge.MergeId.of("nope")))
                .isInstanceOf(NotFoundException.class);
        assertThat(checker.merges().mergesOf(survivor.id())).isEmpty();
    }
}
