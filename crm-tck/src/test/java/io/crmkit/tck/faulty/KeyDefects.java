package io.crmkit.tck.faulty;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.spi.CrmStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Defects in natural keys: a key missing a part, a collation that folds case or pads blanks, values in messages. */
final class KeyDefects {
    private KeyDefects() {}

    static List<Defect> all() {
        return List.of(
                Defect.of("identifier-unique-without-issuer", "the unique index on identifiers covers type and value but not the issuer",
                        "NaturalKeys, Customers", () -> identifierKey(i -> i.type() + "|" + i.value())),
                Defect.of("identifier-unique-without-type", "the unique index on identifiers covers issuer and value but not the type",
                        "NaturalKeys", () -> identifierKey(i -> i.issuer() + "|" + i.value())),
                Defect.of("external-issuer-case-insensitive", "identifier issuers compare case-insensitively (a _ci collation)",
                        "NaturalKeys", () -> identifierKey(i -> i.type() + "|" + i.issuer().toLowerCase(Locale.ROOT) + "|" + i.value())),
                Defect.of("identifier-batch-one-key-per-customer", "a batch lookup returns each customer under its first key only (a DISTINCT on the customer)",
                        "IdentifierBatches", () -> Faulty.store().customers("findByIdentifiers", (a, o) -> {
                            @SuppressWarnings("unchecked")
                            Map<Identifier, Customer> all = (Map<Identifier, Customer>) o.proceed();
                            Map<Identifier, Customer> out = new java.util.LinkedHashMap<>();
                            java.util.Set<CustomerId> seen = new java.util.HashSet<>();
                            all.forEach((k, c) -> {
                                if (seen.add(c.id())) {
                                    out.put(k, c);
                                }
                            });
                            return out;
                        }).build()),
                Defect.of("identifier-batch-committed-only", "a batch lookup reads committed data only, missing the transaction's own writes",
                        "IdentifierBatches", () -> {
                            Faulty f = Faulty.store();
                            return f.customers("findByIdentifiers", (a, o) -> Faulty.elsewhere(() -> {
                                @SuppressWarnings("unchecked")
                                java.util.Collection<Identifier> keys = (java.util.Collection<Identifier>) a[0];
                                return f.base.customers().findByIdentifiers(keys);
                            })).build();
                        }),
                Defect.of("external-ref-case-insensitive", "external references compare case-insensitively (a _ci collation)",
                        "NaturalKeys", () -> refKey(r -> (r.system() + "|" + r.id()).toLowerCase(Locale.ROOT))),
                Defect.of("external-ref-pads-blanks", "external references compare with trailing blanks ignored (a PAD SPACE collation)",
                        "NaturalKeys", () -> refKey(r -> r.system() + "|" + r.id().stripTrailing())),
                Defect.of("host-key-case-insensitive", "host account keys compare case-insensitively (a _ci collation)",
                        "NaturalKeys", () -> hostKey(a -> (a.hostSystem() + "|" + a.externalId()).toLowerCase(Locale.ROOT) + "|" + a.customerId())),
                Defect.of("host-key-pads-blanks", "host account keys compare with trailing blanks ignored (a PAD SPACE collation)",
                        "NaturalKeys", () -> hostKey(a -> a.hostSystem() + "|" + a.externalId().stripTrailing() + "|" + a.customerId())),
                Defect.of("identifier-value-in-message", "the duplicate-identifier message quotes the database's, with the value",
                        "NaturalKeys, Customers", () -> Faulty.store().customers("save", (a, o) -> {
                            try {
                                return o.proceed();
                            } catch (DuplicateKeyException e) {
                                String values = ((Customer) a[0]).identifiers().stream().map(Identifier::value).collect(Collectors.joining(", "));
                                throw new DuplicateKeyException("Customer", "identifier") {
                                    private static final long serialVersionUID = 1L;

                                    @Override
                                    public String getMessage() {
                                        return super.getMessage() + ": Key (id_value)=(" + values + ") already exists";
                                    }
                                };
                            }
                        }).build()),
                Defect.of("external-ref-value-in-cause", "the duplicate-reference exception carries the raw database error, value included, as its cause",
                        "NaturalKeys", () -> Faulty.store().interactions("save", (a, o) -> {
                            try {
                                return o.proceed();
                            } catch (DuplicateKeyException e) {
                                ExternalRef ref = ((Interaction) a[0]).externalRef();
                                DuplicateKeyException translated = new DuplicateKeyException("Interaction", "externalRef");
                                translated.initCause(new IllegalStateException("duplicate key value violates unique constraint: Key (ext_system, ext_id)=("
                                        + ref.system() + ", " + ref.id() + ") already exists"));
                                throw translated;
                            }
                        }).build()),
                Defect.of("host-key-value-in-message", "the duplicate host-key message names the account number",
                        "NaturalKeys", () -> Faulty.store().accounts("save", (a, o) -> {
                            try {
                                return o.proceed();
                            } catch (DuplicateKeyException e) {
                                String number = ((LinkedAccount) a[0]).externalId();
                                throw new DuplicateKeyException("LinkedAccount", "externalId") {
                                    private static final long serialVersionUID = 1L;

                                    @Override
                                    public String getMessage() {
                                        return "account " + number + " is already linked to this customer";
                                    }
                                };
                            }
                        }).build()),
                Defect.of("duplicate-named-by-constraint", "a duplicate reference is reported under the constraint's name instead of the key's",
                        "NaturalKeys, Interactions, Transactions", () -> Faulty.store().interactions("save", (a, o) -> {
                            try {
                                return o.proceed();
                            } catch (DuplicateKeyException e) {
                                throw new DuplicateKeyException("Interaction", "uk_crm_interaction_external");
                            }
                        }).build()));
    }

    /**
     * Customers whose identifiers are unique under {@code key} (a wrong key); lookups use the same
     * key. The store's own exact index is still consulted, so only the wrong key's extra clashes show.
     */
    private static CrmStore identifierKey(Function<Identifier, String> key) {
        Faulty f = Faulty.store();
        Map<String, CustomerId> holders = new ConcurrentHashMap<>();
        return f.customers("save", (a, o) -> {
                    Customer c = (Customer) a[0];
                    for (Identifier i : c.identifiers()) {
                        CustomerId holder = holders.get(key.apply(i));
                        if (holder != null && !holder.equals(c.id()) && f.base.customers().findById(holder).isPresent()) {
                            throw new DuplicateKeyException("Customer", "identifier");
                        }
                    }
                    Customer stored = (Customer) o.proceed();
                    stored.identifiers().forEach(i -> holders.put(key.apply(i), stored.id()));
                    return stored;
                })
                .customers("findByIdentifier", (a, o) -> {
                    CustomerId holder = holders.get(key.apply((Identifier) a[0]));
                    return holder == null ? o.proceed() : f.base.customers().findById(holder)
                            .filter(c -> c.identifiers().stream().anyMatch(i -> key.apply(i).equals(key.apply((Identifier) a[0]))));
                })
                .build();
    }

    private static CrmStore refKey(Function<ExternalRef, String> key) {
        Faulty f = Faulty.store();
        Map<String, InteractionId> holders = new ConcurrentHashMap<>();
        return f.interactions("save", (a, o) -> {
                    Interaction i = (Interaction) a[0];
                    if (i.externalRef() != null) {
                        InteractionId holder = holders.get(key.apply(i.externalRef()));
                        if (holder != null && !holder.equals(i.id()) && f.base.interactions().findById(holder).isPresent()) {
                            throw new DuplicateKeyException("Interaction", "externalRef");
                        }
                    }
                    Interaction stored = (Interaction) o.proceed();
                    if (stored.externalRef() != null) {
                        holders.put(key.apply(stored.externalRef()), stored.id());
                    }
                    return stored;
                })
                .interactions("findByExternalRef", (a, o) -> {
                    InteractionId holder = holders.get(key.apply((ExternalRef) a[0]));
                    return holder == null ? Optional.empty() : f.base.interactions().findById(holder);
                })
                .build();
    }

    private static CrmStore hostKey(Function<LinkedAccount, String> key) {
        Faulty f = Faulty.store();
        Map<String, AccountId> holders = new ConcurrentHashMap<>();
        return f.accounts("save", (a, o) -> {
                    LinkedAccount account = (LinkedAccount) a[0];
                    AccountId holder = holders.get(key.apply(account));
                    if (holder != null && !holder.equals(account.id()) && f.base.accounts().findById(holder).isPresent()) {
                        throw new DuplicateKeyException("LinkedAccount", "externalId");
                    }
                    LinkedAccount stored = (LinkedAccount) o.proceed();
                    holders.put(key.apply(stored), stored.id());
                    return stored;
                })
                .build();
    }
}
