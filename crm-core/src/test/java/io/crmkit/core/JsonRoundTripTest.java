package io.crmkit.core;

import static io.crmkit.core.Fixtures.RM;
import static io.crmkit.core.Fixtures.RM_ACTOR;
import static io.crmkit.core.Fixtures.WEALTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.interaction.Participant;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.task.NewTask;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every domain type round-trips through Jackson JSON")
class JsonRoundTripTest {
    private final ObjectMapper json = CrmJson.mapper();

    @Test
    @DisplayName("customers, contacts, accounts, snapshots, interactions, opportunities, pipelines, tasks, tiers, the 360 view and events")
    void everything() throws Exception {
        List<CrmEvent> events = new ArrayList<>();
        Crm crm = Crm.builder().clock(Fixtures.clock()).listener(events::add).build();
        CrmSession rm = crm.as(RM_ACTOR);
        Fixtures.tiers(rm);
        rm.opportunities().definePipeline(WEALTH, "Wealth", Fixtures.STAGES);
        Customer c = rm.customers().register(Fixtures.individual().localName("张伟")
                .identifier(Identifier.nationalId("CN", "110101199003074514")).identifier(Identifier.external("core-banking", "C-1"))
                .birthDate(LocalDate.of(1990, 3, 7))
                .profile(Profile.EMPTY.withRegion("CN-31").withIncomeBand("B3").withRiskTolerance(RiskTolerance.GROWTH))
                .contactPoint(ContactPoint.phone("+8613800138000", "mobile",
                        Consent.granted(ConsentPurpose.MARKETING, "app", Instant.parse("2026-01-01T00:00:00Z"))).asPrimary())
                .contactPoint(ContactPoint.postal(new PostalAddress(List.of("1 Lujiazui Ring Rd"), "Shanghai", "SH", "200120", "CN"), "home"))
                .extension("vip", ExtensionValue.flag(true)).extension("creditLimit", ExtensionValue.decimal(new BigDecimal("50000.50")))
                .extension("loyaltyNo", ExtensionValue.text("L-9")).extension("renewal", ExtensionValue.date(LocalDate.of(2027, 1, 1)))
                .tag("vip").build());
        Customer other = rm.customers().register(Fixtures.individual().build());
        rm.customers().addContact(NewContact.of(c.id(), "Li Na", "Assistant"));
        rm.customers().relate(c.id(), RelationshipType.SPOUSE, other.id(), LocalDate.of(2015, 5, 1));
        rm.tiers().assignManually(c.id(), TierCode.of("GOLD"), "welcome", null);
        LinkedAccount a = rm.accounts().link(NewAccount.of(c.id(), "trading", "A-1", ProductLine.BROKERAGE, Money.currency("CNY")));
        AccountSnapshot snap = new AccountSnapshot(a.id(), LocalDate.of(2026, 11, 20), Money.of("12.5", "CNY"),
                List.of(new Holding("600519.SH", AssetClass.EQUITY, new BigDecimal("100"), Money.of("170000", "CNY"))));
        rm.accounts().recordSnapshot(snap);
        rm.interactions().record(NewInteraction.of(c.id(), Channel.CALL_CENTRE, Direction.INBOUND).subject("limit")
                .duration(Duration.ofSeconds(95)).outcome(Outcome.RESOLVED).participant(new Participant(Participant.Kind.STAFF, "rm-017", "agent"))
                .externalRef(ExternalRef.of("cc", "1")).notes("多行\nnotes").build());
        rm.opportunities().open(NewOpportunity.of(c.id(), WEALTH, "Fund", Money.of("1000.25", "USD"), OpportunitySource.REFERRAL)
                .sourceRef(other.id().value()));
        rm.tasks().assign(NewTask.of("Call", RM, Instant.parse("2026-11-23T09:00:00Z")).about(c.id()));

        Customer360 view = rm.customers().view(c.id());
        assertThat(roundTrip(view, Customer360.class)).isEqualTo(view);
        assertThat(roundTrip(view.customer(), Customer.class)).isEqualTo(view.customer());
        assertThat(roundTrip(snap, AccountSnapshot.class)).isEqualTo(snap);
        assertThat(roundTrip(rm.tiers().history(c.id()).get(0), io.crmkit.core.tier.TierAssignment.class))
                .isEqualTo(rm.tiers().history(c.id()).get(0));
        assertThat(roundTrip(rm.opportunities().pipelines().get(0), io.crmkit.core.opportunity.Pipeline.class))
                .isEqualTo(rm.opportunities().pipelines().get(0));
        assertThat(roundTrip(rm.tasks().todaysReminders(RM).get(0), io.crmkit.core.task.Reminder.class))
                .isEqualTo(rm.tasks().todaysReminders(RM).get(0));
        for (CrmEvent e : events) {
            assertThat(roundTrip(e, e.getClass())).isEqualTo(e);
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    @DisplayName("values are written in their natural JSON form")
    void shapes() throws Exception {
        assertThat(json.writeValueAsString(Money.of("1250.50", "CNY"))).isEqualTo("{\"amount\":1250.5,\"currency\":\"CNY\"}");
        assertThat(json.writeValueAsString(CustomerId.of("C1"))).isEqualTo("\"C1\"");
        assertThat(json.writeValueAsString(ExtensionValue.flag(true))).isEqualTo("{\"type\":\"flag\",\"value\":true}");
    }

    @Test
    @DisplayName("a malformed document fails with the field named and nothing half-built")
    void malformed() {
        assertThatThrownBy(() -> json.readValue("{\"amount\":5,\"currency\":\"XXZ\"}", Money.class))
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> json.readValue("\"bad id\"", CustomerId.class)).hasMessageContaining("IdFormat");
    }

    private <T> T roundTrip(T value, Class<? extends T> type) throws Exception {
        String text = json.writeValueAsString(value);
        return json.readValue(text, type);
    }
}
