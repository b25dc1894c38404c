package io.crmkit.tck.faulty;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.tier.TierDefinition;
import java.util.List;
import java.util.function.Supplier;

/** Defects in transactions: own writes not seen, clashes deferred to commit, rollback-only ignored, writes that escape the transaction. */
final class TransactionDefects {
    private TransactionDefects() {}

    static List<Defect> all() {
        return List.of(
                Defect.of("identifier-lookup-ignores-own-writes", "findByIdentifier inside a transaction reads committed rows only",
                        "OwnWrites", TransactionDefects::identifierLookupCommittedOnly),
                Defect.of("external-ref-lookup-ignores-own-writes", "findByExternalRef inside a transaction reads committed rows only",
                        "OwnWrites", TransactionDefects::externalRefLookupCommittedOnly),
                Defect.of("find-by-id-ignores-own-writes", "findById inside a transaction reads committed rows only",
                        "OwnWrites, Transactions", TransactionDefects::findByIdCommittedOnly),
                Defect.of("identifier-clash-deferred-to-commit", "an identifier clash with the transaction's own write is found only at commit",
                        "OwnWrites", () -> deferredClash(true)),
                Defect.of("external-ref-clash-deferred-to-commit", "an external-reference clash with the transaction's own write is found only at commit",
                        "OwnWrites", () -> deferredClash(false)),
                Defect.of("nested-rollback-only-ignored", "a nested inTransaction just runs its work: a failure the outer work catches is committed",
                        "Rollbacks", () -> Faulty.store().transactions((a, o) -> Faulty.inTxDepth() > 1 ? ((Supplier<?>) a[0]).get() : o.proceed()).build()),
                Defect.of("customer-delete-escapes-transaction", "a customer delete inside a transaction runs on its own connection and commits at once",
                        "Rollbacks", TransactionDefects::customerDeleteAutoCommits),
                Defect.of("account-delete-escapes-transaction", "an account delete (and its snapshots') inside a transaction commits at once",
                        "Rollbacks", TransactionDefects::accountDeleteAutoCommits),
                Defect.of("tier-definitions-escape-transaction", "tier definitions are written outside the running transaction",
                        "Rollbacks", TransactionDefects::tierDefinitionsAutoCommit),
                Defect.of("pipelines-escape-transaction", "pipeline writes are made outside the running transaction",
                        "Rollbacks", TransactionDefects::pipelinesAutoCommit));
    }

    private static CrmStore identifierLookupCommittedOnly() {
        Faulty f = Faulty.store();
        return f.customers("findByIdentifier", (a, o) -> Faulty.inTx()
                ? Faulty.elsewhere(() -> f.base.customers().findByIdentifier((Identifier) a[0])) : o.proceed()).build();
    }

    private static CrmStore externalRefLookupCommittedOnly() {
        Faulty f = Faulty.store();
        return f.interactions("findByExternalRef", (a, o) -> Faulty.inTx()
                ? Faulty.elsewhere(() -> f.base.interactions().findByExternalRef((ExternalRef) a[0])) : o.proceed()).build();
    }

    private static CrmStore findByIdCommittedOnly() {
        Faulty f = Faulty.store();
        return f.customers("findById", (a, o) -> Faulty.inTx()
                ? Faulty.elsewhere(() -> f.base.customers().findById((CustomerId) a[0])) : o.proceed()).build();
    }

    /**
     * Inside a transaction, a clash with the transaction's own write is swallowed at the save (as a
     * store that batches its inserts would) and reported by the commit.
     */
    private static CrmStore deferredClash(boolean customers) {
        Faulty f = Faulty.store();
        ThreadLocal<Boolean> pending = ThreadLocal.withInitial(() -> false);
        Faulty.Replacement save = (a, o) -> {
            try {
                return o.proceed();
            } catch (DuplicateKeyException e) {
                if (!Faulty.inTx() || committedClash(f, a[0])) {
                    throw e;
                }
                pending.set(true);
                Aggregate<?, ?> aggregate = (Aggregate<?, ?>) a[0];
                return aggregate.withMeta(aggregate.meta().nextVersion());
            }
        };
        Faulty g = customers ? f.customers("save", save) : f.interactions("save", save);
        return g.transactions((a, o) -> {
            if (Faulty.inTxDepth() == 1) {
                Supplier<?> work = (Supplier<?>) a[0];
                a[0] = (Supplier<Object>) () -> {
                    Object result = work.get();
                    if (pending.get()) {
                        pending.set(false);
                        throw new DuplicateKeyException(customers ? "Customer" : "Interaction", customers ? "identifier" : "externalRef");
                    }
                    return result;
                };
            }
            return o.proceed();
        }).build();
    }

    private static boolean committedClash(Faulty f, Object aggregate) {
        if (aggregate instanceof Customer c) {
            return c.identifiers().stream().anyMatch(i -> Faulty.elsewhere(() -> f.base.customers().findByIdentifier(i))
                    .filter(holder -> !holder.id().equals(c.id())).isPresent());
        }
        Interaction i = (Interaction) aggregate;
        return Faulty.elsewhere(() -> f.base.interactions().findByExternalRef(i.externalRef()))
                .filter(holder -> !holder.id().equals(i.id())).isPresent();
    }

    private static CrmStore customerDeleteAutoCommits() {
        Faulty f = Faulty.store();
        return f.customers("delete", (a, o) -> Faulty.inTx() ? Faulty.elsewhere(() -> {
            f.base.customers().delete((CustomerId) a[0], (long) a[1]);
            return null;
        }) : o.proceed()).build();
    }

    private static CrmStore accountDeleteAutoCommits() {
        Faulty f = Faulty.store();
        return f.accounts("delete", (a, o) -> Faulty.inTx() ? Faulty.elsewhere(() -> {
            f.base.accounts().delete((AccountId) a[0], (long) a[1]);
            return null;
        }) : o.proceed()).build();
    }

    private static CrmStore tierDefinitionsAutoCommit() {
        Faulty f = Faulty.store();
        return f.tiers("saveDefinition", (a, o) -> Faulty.inTx() ? Faulty.elsewhere(() -> {
            f.base.tiers().saveDefinition((TierDefinition) a[0]);
            return null;
        }) : o.proceed()).build();
    }

    private static CrmStore pipelinesAutoCommit() {
        Faulty f = Faulty.store();
        return f.pipelines("save", (a, o) -> Faulty.inTx() ? Faulty.elsewhere(() -> f.base.pipelines().save((Pipeline) a[0])) : o.proceed())
                .pipelines("delete", (a, o) -> Faulty.inTx() ? Faulty.elsewhere(() -> {
                    f.base.pipelines().delete((PipelineId) a[0], (long) a[1]);
                    return null;
                }) : o.proceed()).build();
    }
}
