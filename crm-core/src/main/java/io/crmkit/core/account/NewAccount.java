package io.crmkit.core.account;

import io.crmkit.core.customer.CustomerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The input to link a host-system account to a customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param hostSystem the owning system
 * @param externalId the account's key there
 * @param productLine the product line
 * @param role the customer's role
 * @param currency the base currency
 * @param openedOn opening date, or {@code null}
 * @param maturesOn maturity date, or {@code null}
 */
public record NewAccount(@NotNull CustomerId customerId, @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String hostSystem,
        @NotBlank @Size(max = 64) String externalId, @NotNull ProductLine productLine, @NotNull AccountRole role,
        @NotNull Currency currency, @Nullable LocalDate openedOn, @Nullable LocalDate maturesOn) {

    public static NewAccount of(CustomerId customerId, String hostSystem, String externalId, ProductLine productLine,
            Currency currency) {
        return new NewAccount(customerId, hostSystem, externalId, productLine, AccountRole.OWNER, currency, null, null);
    }

    /** Ids and codes only: the external id is an account number. */
    @Override
    public String toString() {
        return "NewAccount[customerId=" + customerId + ", hostSystem=" + hostSystem + ", productLine=" + productLine
                + ", role=" + role + ", currency=" + currency + ", ***]";
    }
}
