package io.crmkit.core.account;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A financial account owned by a host system (关联帐户) and linked to a customer through a role.
 * The host is the source of truth: the CRM keeps the link, the status and balance snapshots for
 * analysis. {@code (hostSystem, externalId, customerId)} identifies a link; a joint account
 * appears once per holder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the link's id in the CRM
 * @param customerId the linked customer
 * @param hostSystem the system that owns the account (for example {@code core-banking})
 * @param externalId the account's key in that system
 * @param productLine brokerage, deposit, loan, card, fund, insurance policy, wealth management
 * @param role owner, joint or authorised
 * @param status as reported by the host
 * @param currency the account's base currency
 * @param openedOn when it was opened, or {@code null}
 * @param closedOn when it was closed, or {@code null}
 * @param maturesOn maturity (time deposits, loans, policies), or {@code null}
 * @param meta version and bookkeeping
 */
public record LinkedAccount(AccountId id, CustomerId customerId, String hostSystem, String externalId,
        ProductLine productLine, AccountRole role, AccountStatus status, Currency currency,
        @Nullable LocalDate openedOn, @Nullable LocalDate closedOn, @Nullable LocalDate maturesOn, Meta meta)
        implements Aggregate<AccountId, LinkedAccount> {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern SYSTEM_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public LinkedAccount {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.that(hostSystem != null && SYSTEM_NAME.matcher(hostSystem).matches(), "hostSystem", "SystemName",
                "must be 1-64 letters, digits or . _ : -");
        externalId = Check.notBlank(externalId, "externalId", 64);
        Check.notNull(productLine, "productLine");
        Check.notNull(role, "role");
        Check.notNull(status, "status");
        Check.notNull(currency, "currency");
        Check.that(openedOn == null || closedOn == null || !closedOn.isBefore(openedOn), "closedOn", "NotBeforeOpen",
                "must not be before openedOn");
        Check.that(status != AccountStatus.CLOSED || closedOn != null, "closedOn", "RequiredWhenClosed",
                "must be set when the status is CLOSED");
        Check.notNull(meta, "meta");
    }

    public LinkedAccount withStatus(AccountStatus value, @Nullable LocalDate closed) {
        return new LinkedAccount(id, customerId, hostSystem, externalId, productLine, role, value, currency, openedOn,
                closed, maturesOn, meta);
    }

    @Override
    public LinkedAccount withMeta(Meta value) {
        return new LinkedAccount(id, customerId, hostSystem, externalId, productLine, role, status, currency, openedOn,
                closedOn, maturesOn, value);
    }

    @Override
    public String toString() {
        return "LinkedAccount[id=" + id + ", customerId=" + customerId + ", hostSystem=" + hostSystem + ", productLine="
                + productLine + ", role=" + role + ", status=" + status + ", version=" + meta.version() + "]";
    }
}
