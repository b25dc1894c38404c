package io.crmkit.jpa.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmkit.core.common.Meta;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.AssetClass;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.opportunity.StageOutcome;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.task.TaskStatus;

/**
 * Small builders of valid domain records for the JPA tests. The canary values are personal data
 * that must never show up in exception messages or logs.
 */
public final class Fixtures {
    /** A national-id value that must never leave the database in a message. */
    public static final String CANARY_PASSPORT = "E99887766";
    public static final String CANARY_NAME = "Canary Zhang Wei";
    public static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456789Z");

    private Fixtures() {
    }

    public static Meta newMeta() {
        return Meta.created(T0, "tester");
    }

    public static Customer customer(String id) {
        return new Customer(CustomerId.of(id), CustomerType.INDIVIDUAL, CustomerName.of(CANARY_NAME), List.of(),
                LocalDate.of(1980, 5, 17), Profile.EMPTY, LifecycleStage.ACTIVE, List.of(), StaffId.of("rm-1"), null,
                null, Set.of("vip", "equities"), List.of(ContactPoint.phone("+8613800138000", "mobile")),
                Map.of("riskScore", ExtensionValue.decimal(new BigDecimal("12.50")),
                        "kycDone", ExtensionValue.flag(true)), newMeta());
    }

    public static Customer customerWithPassport(String id, String passport) {
        return customer(id).withIdentifier(Identifier.of(IdentifierType.PASSPORT, passport, "GB"));
    }

    public static Interaction interaction(String id, String customerId, Instant at) {
        return new Interaction(InteractionId.of(id), CustomerId.of(customerId), Channel.PHONE, Direction.INBOUND, at,
                null, "Call about fund redemption", null, null, List.of(), null, null, null, newMeta());
    }

    public static Interaction interaction(String id, String customerId, Instant at, ExternalRef ref) {
        Interaction i = interaction(id, customerId, at);
        return new Interaction(i.id(), i.customerId(), i.channel(), i.direction(), i.occurredAt(), i.duration(),
                i.subject(), i.notes(), i.outcome(), i.participants(), i.contactId(), i.opportunityId(), ref, i.meta());
    }

    public static Contact contact(String id, String customerId, boolean primary) {
        return new Contact(ContactId.of(id), CustomerId.of(customerId), "Li Na", "CFO", "Finance", "Ms", primary,
                List.of(), null, newMeta());
    }

    public static Relationship relationship(String id, String from, String to) {
        return new Relationship(RelationshipId.of(id), CustomerId.of(from), CustomerId.of(to), RelationshipType.SPOUSE,
                LocalDate.of(2010, 1, 1), null, newMeta());
    }

    public static LinkedAccount account(String id, String customerId, String externalId) {
        return new LinkedAccount(AccountId.of(id), CustomerId.of(customerId), "core-banking", externalId,
                ProductLine.DEPOSIT, AccountRole.OWNER, AccountStatus.OPEN, Currency.getInstance("CNY"),
                LocalDate.of(2020, 1, 2), null, LocalDate.of(2027, 1, 2), newMeta());
    }

    public static AccountSnapshot snapshot(String accountId, LocalDate asOf, String cash) {
        return new AccountSnapshot(AccountId.of(accountId), asOf, Money.of(cash, "CNY"),
                List.of(new Holding("600519.SH", AssetClass.values()[0], new BigDecimal("100"), Money.of("170000.00", "CNY"))));
    }

    public static Pipeline pipeline(String id) {
        return new Pipeline(PipelineId.of(id), "Wealth", List.of(new Stage("LEAD", "Lead", 10, StageOutcome.OPEN),
                new Stage("PROPOSAL", "Proposal", 50, StageOutcome.OPEN), new Stage("WON", "Won", 100, StageOutcome.WON),
                new Stage("LOST", "Lost", 0, StageOutcome.LOST)),
                newMeta());
    }

    public static Opportunity opportunity(String id, String customerId, String owner, String stage) {
        return new Opportunity(OpportunityId.of(id), CustomerId.of(customerId), PipelineId.of("wealth"), "Fund switch",
                stage, OpportunityStatus.OPEN, Money.of("250000.00", "CNY"), 10, LocalDate.of(2026, 6, 30),
                StaffId.of(owner), OpportunitySource.REFERRAL, null, null, List.of(), newMeta());
    }

    public static Task task(String id, String assignee, Instant due, TaskStatus status, String customerId) {
        return new Task(TaskId.of(id), "Call back", null, StaffId.of(assignee), due, null, TaskPriority.NORMAL, status,
                customerId == null ? null : CustomerId.of(customerId), null,
                status == TaskStatus.DONE || status == TaskStatus.CANCELLED ? T0 : null, newMeta());
    }
}
