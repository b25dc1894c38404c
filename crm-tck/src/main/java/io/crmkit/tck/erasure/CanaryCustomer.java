package io.crmkit.tck.erasure;

import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.alert.NewAlert;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.NewOpportunity;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.NewTask;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer seeded, through the services, with canary personal data everywhere the library keeps
 * it: names, a national ID, a phone, an email and a postal address on the customer and on a
 * contact; the name in interactions' subjects and notes, a task, an opportunity, an alert; the
 * phone in a lifecycle reason and a tier reason (so in audit entries' reasons); and a partner
 * customer related to it, which must keep its own data. Every canary is unique to the instance, so
 * a search over a shared store finds only this one's.
 *
 * <p>Not thread-safe; one per test.
 */
public final class CanaryCustomer {
    /** The canaries: unique text that must not survive an erasure anywhere. */
    public final String name;
    public final String nationalId;
    public final String phone;
    public final String email;
    public final String street;
    /** The customer's identifier carrying {@link #nationalId}. */
    public final Identifier identifier;
    public final Customer customer;
    public final Customer partner;
    public final LinkedAccount account;

    /** Seeds the customer through {@code rm} (a session allowed every desk operation and no four-eyes rules on them). */
    public CanaryCustomer(CrmSession rm, StaffId owner, Instant now) {
        String tag = UniqueIds.next("cn").replaceAll("[^A-Za-z0-9]", "");
        name = "Canaryname" + tag;
        nationalId = ValidIdentifiers.cnResidentId();
        phone = "+86139" + String.format("%08d", Math.floorMod(tag.hashCode(), 100_000_000));
        email = "canary." + tag.toLowerCase(java.util.Locale.ROOT) + "@example.com";
        street = "Canarystreet " + tag;
        identifier = Identifier.nationalId("CN", nationalId);
        Consent consent = Consent.granted(ConsentPurpose.values()[0], "branch form of " + name, now);
        customer = rm.customers().register(NewCustomer.individual(name).preferredName(name + " Jr").localName(name + "L")
                .identifier(identifier).birthDate(LocalDate.of(1980, 5, 17)).owner(owner).active().tag("vip")
                .contactPoint(ContactPoint.phone(phone, "mobile of " + name, consent))
                .contactPoint(ContactPoint.email(email, null))
                .contactPoint(ContactPoint.postal(new PostalAddress(List.of(street), "Shanghai", null, "200000", "CN"), "home"))
                .build());
        partner = rm.customers().register(NewCustomer.individual("Partner " + tag).owner(owner).active().build());
        rm.customers().relate(customer.id(), RelationshipType.REFERRED_BY, partner.id(), LocalDate.of(2024, 3, 17));
        rm.customers().addContact(NewContact.of(customer.id(), name + " Assistant", "Assistant to " + name,
                ContactPoint.phone(phone, null), ContactPoint.email(email, null)));
        for (int i = 0; i < 3; i++) {
            rm.interactions().record(NewInteraction.of(customer.id(), Channel.PHONE, Direction.OUTBOUND)
                    .at(now.minus(Duration.ofDays(10L + i))).subject("Call with " + name)
                    .notes("Called " + phone + ", confirmed " + email + " and " + street + ", ID " + nationalId)
                    .outcome(Outcome.values()[0]).build());
        }
        rm.tasks().assign(NewTask.of("Send " + name + " the form", owner, now.plus(Duration.ofDays(2))).about(customer.id())
                .description("Post it to " + street));
        PipelineId pipeline = PipelineId.of(UniqueIds.next("pl"));
        rm.opportunities().definePipeline(pipeline, "Wealth", List.of(Stage.open("LEAD", "Lead", 10),
                Stage.won("WON", "Won"), Stage.lost("LOST", "Lost")));
        rm.opportunities().open(NewOpportunity.of(customer.id(), pipeline, "Fund for " + name, Money.of("250000", "CNY"),
                OpportunitySource.CAMPAIGN));
        account = rm.accounts().link(NewAccount.of(customer.id(), "core", UniqueIds.next("acc"), ProductLine.BROKERAGE,
                java.util.Currency.getInstance("CNY")));
        rm.accounts().recordSnapshot(new AccountSnapshot(account.id(), now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                Money.of("120000.50", "CNY"), List.of(new Holding("600519.SH", AssetClass.values()[0], new BigDecimal("100"),
                        Money.of("180000", "CNY")))));
        TierCode gold = TierCode.of("GOLD");
        if (rm.tiers().definitions().stream().noneMatch(d -> d.code().equals(gold))) {
            rm.tiers().define(TierDefinition.of("GOLD", "Gold", 1));
        }
        rm.tiers().assignManually(customer.id(), gold, "asked by " + name + " on " + phone, null);
        rm.customers().changeLifecycle(customer.id(), LifecycleStage.DORMANT, LocalDate.of(2025, 1, 20),
                "no trades since " + name + " moved to " + street);
        rm.alerts().raise(new NewAlert(null, "large-withdrawal", customer.id(), account.id(), AlertSeverity.values()[0], null,
                "withdrawal by " + name, UniqueIds.next("ev"), now));
    }

    /** Every canary value. */
    public List<String> canaries() {
        return List.of(name, nationalId, phone, email, street);
    }

    /** The canaries found in {@code text} (empty: none). */
    public List<String> foundIn(String text) {
        return canaries().stream().filter(text::contains).toList();
    }

    /**
     * The statistics that need no identity, for the customer and its partner: lifecycle, tier, tags
     * and type of each, tier history length, account count and the latest balance, interaction
     * count, contact count, opportunity count and amounts, task and alert counts.
     */
    public static Map<String, String> statistics(CrmStore store, List<CustomerId> ids, LocalDate today) {
        Map<String, String> out = new TreeMap<>();
        for (CustomerId id : ids) {
            Customer c = store.customers().findById(id).orElseThrow();
            String k = id.value() + ".";
            out.put(k + "type", c.type().name());
            out.put(k + "lifecycle", c.lifecycle().name());
            out.put(k + "lifecycleChanges", String.valueOf(c.lifecycleHistory().size()));
            out.put(k + "tier", String.valueOf(c.tier()));
            out.put(k + "tags", String.valueOf(new java.util.TreeSet<>(c.tags())));
            out.put(k + "owner", String.valueOf(c.owner()));
            out.put(k + "tierHistory", String.valueOf(store.tiers().history(id).size()));
            out.put(k + "contacts", String.valueOf(store.contacts().findByCustomer(id).size()));
            List<LinkedAccount> accounts = store.accounts().findByCustomer(id);
            out.put(k + "accounts", String.valueOf(accounts.size()));
            BigDecimal cash = BigDecimal.ZERO;
            for (LinkedAccount a : accounts) {
                cash = cash.add(store.accounts().latestSnapshot(a.id(), today).map(s -> s.cash().amount()).orElse(BigDecimal.ZERO));
            }
            out.put(k + "cash", cash.toPlainString());
            out.put(k + "interactions", String.valueOf(store.interactions().timeline(id, PageRequest.first(100)).items().size()));
            List<String> amounts = new ArrayList<>();
            store.opportunities().findByCustomer(id).forEach(o -> amounts.add(o.amount() + "/" + o.status()));
            out.put(k + "opportunities", amounts.toString());
            out.put(k + "tasks", String.valueOf(store.tasks().findByCustomer(id).size()));
            out.put(k + "alerts", String.valueOf(store.alerts().findByCustomer(id).size()));
            out.put(k + "relationships", String.valueOf(store.relationships().findByCustomer(id).size()));
        }
        return out;
    }
}
