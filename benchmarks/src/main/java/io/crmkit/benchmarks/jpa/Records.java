package io.crmkit.benchmarks.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunitySource;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.task.Task;
import io.crmkit.core.task.TaskId;
import io.crmkit.core.task.TaskPriority;
import io.crmkit.core.task.TaskStatus;

/** Synthetic but valid domain records for the scale runs; deterministic by number. Stateless. */
final class Records {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Meta META = Meta.created(T0, "bench");
    private static final Channel[] CHANNELS = Channel.values();

    private Records() {
    }

    static String customerId(long n) {
        return String.format("C%09d", n);
    }

    static Customer customer(long n) {
        return new Customer(CustomerId.of(customerId(n)), CustomerType.INDIVIDUAL, CustomerName.of("Customer " + n),
                List.of(), LocalDate.of(1960 + (int) (n % 40), 1 + (int) (n % 12), 1 + (int) (n % 28)), Profile.EMPTY,
                LifecycleStage.ACTIVE, List.of(), StaffId.of("rm-" + (n % 500)), null, null, Set.of("retail"),
                List.of(ContactPoint.phone("+86138" + String.format("%08d", n % 100_000_000), "mobile")),
                Map.of("segment", ExtensionValue.text("mass")), META);
    }

    static Interaction interaction(long n, long customer) {
        return new Interaction(InteractionId.of(String.format("I%011d", n)), CustomerId.of(customerId(customer)),
                CHANNELS[(int) (n % CHANNELS.length)], n % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                T0.plusSeconds(n * 7), null, "Service call " + n, null, null, List.of(), null, null, null, META);
    }

    static LinkedAccount account(long n) {
        return new LinkedAccount(AccountId.of("A" + customerId(n)), CustomerId.of(customerId(n)), "core", "ACC" + n,
                ProductLine.DEPOSIT, AccountRole.OWNER, AccountStatus.OPEN, Currency.getInstance("CNY"),
                LocalDate.of(2020, 1, 1), null, null, META);
    }

    static AccountSnapshot snapshot(long n) {
        return new AccountSnapshot(AccountId.of("A" + customerId(n)), LocalDate.of(2026, 1, 31),
                Money.of(BigDecimal.valueOf(n % 1_000_000, 2), Currency.getInstance("CNY")), List.of());
    }

    static Opportunity opportunity(long n) {
        return new Opportunity(OpportunityId.of("O" + customerId(n)), CustomerId.of(customerId(n)), PipelineId.of("wealth"),
                "Fund", "LEAD", OpportunityStatus.OPEN, Money.of("10000", "CNY"), 10, null, StaffId.of("rm-" + (n % 500)),
                OpportunitySource.CROSS_SELL, null, null, List.of(), META);
    }

    static Task task(long n) {
        return new Task(TaskId.of("T" + customerId(n)), "Call back", null, StaffId.of("rm-" + (n % 500)),
                T0.plusSeconds(n), null, TaskPriority.NORMAL, TaskStatus.OPEN, CustomerId.of(customerId(n)), null, null, META);
    }
}
