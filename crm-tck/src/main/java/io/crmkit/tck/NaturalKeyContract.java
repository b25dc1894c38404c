package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Natural keys compare exactly: an identifier's key is its type, issuer and value together;
 * external references and host account keys are case-sensitive and their trailing blanks count (a
 * case-insensitive or blank-padding collation, such as MariaDB's default one, fails here); and no
 * exception about a key carries the key's value.
 */
public abstract class NaturalKeyContract extends StoreContract {

    private Customer customer() {
        return store().customers().save(Fixtures.customer().build());
    }

    @Test
    @DisplayName("the same identifier value under another country or another type belongs to another customer without a clash")
    void identifierKeyIncludesIssuerAndType() {
        String number = ValidIdentifiers.passportNumber();
        Customer cn = store().customers().save(Fixtures.customer().identifiers(Identifier.passport("CN", number)).build());
        Customer hk = store().customers().save(Fixtures.customer().identifiers(Identifier.passport("HK", number)).build());
        Customer other = store().customers().save(Fixtures.customer()
                .identifiers(Identifier.of(IdentifierType.TAX_ID, number, "CN")).build());

        assertThat(store().customers().findByIdentifier(Identifier.passport("CN", number))).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(cn.id()));
        assertThat(store().customers().findByIdentifier(Identifier.passport("HK", number))).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(hk.id()));
        assertThat(store().customers().findByIdentifier(Identifier.of(IdentifierType.TAX_ID, number, "CN")))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(other.id()));
        assertThat(store().customers().findByIdentifier(Identifier.passport("MO", number))).isEmpty();
    }

    @Test
    @DisplayName("external-system identifiers whose issuers differ only in case are different keys")
    void externalIssuerIsCaseSensitive() {
        String value = UniqueIds.next("key").toUpperCase(Locale.ROOT);
        Customer lower = store().customers().save(Fixtures.customer().identifiers(Identifier.external("core-banking", value)).build());
        Customer upper = store().customers().save(Fixtures.customer().identifiers(Identifier.external("CORE-BANKING", value)).build());

        assertThat(store().customers().findByIdentifier(Identifier.external("core-banking", value))).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(lower.id()));
        assertThat(store().customers().findByIdentifier(Identifier.external("CORE-BANKING", value))).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(upper.id()));
        assertThat(store().customers().findByIdentifier(Identifier.external("Core-Banking", value))).isEmpty();
    }

    @Test
    @DisplayName("external references that differ only in case or in a trailing blank are different keys")
    void externalRefIsExact() {
        Customer customer = customer();
        String id = UniqueIds.next("ref");
        List<ExternalRef> refs = List.of(ExternalRef.of("tck-feed", id), ExternalRef.of("tck-feed", id.toUpperCase(Locale.ROOT)),
                ExternalRef.of("TCK-FEED", id), ExternalRef.of("tck-feed", id + " "));
        for (ExternalRef ref : refs) {
            store().interactions().save(Fixtures.interaction(customer.id()).externalRef(ref).build());
        }

        for (ExternalRef ref : refs) {
            assertThat(store().interactions().findByExternalRef(ref)).as("by %s", ref)
                    .hasValueSatisfying(i -> assertThat(i.externalRef()).isEqualTo(ref));
        }
        assertThat(store().interactions().findByExternalRef(ExternalRef.of("tck-feed", id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1)))).isEmpty();
        assertThat(store().interactions().countByCustomer(customer.id())).isEqualTo(refs.size());
    }

    @Test
    @DisplayName("host account keys that differ only in case or in a trailing blank are different accounts")
    void hostKeyIsExact() {
        Customer customer = customer();
        String key = Fixtures.externalAccountKey();
        List<String> keys = List.of(key, key.toUpperCase(Locale.ROOT), key + " ");
        for (String k : keys) {
            store().accounts().save(Fixtures.account(customer.id(), "core-banking", k));
        }
        store().accounts().save(Fixtures.account(customer.id(), "CORE-BANKING", key));

        for (String k : keys) {
            assertThat(store().accounts().findByExternalId("core-banking", k)).as("by '%s'", k)
                    .singleElement().satisfies(a -> assertThat(a.externalId()).isEqualTo(k));
        }
        assertThat(store().accounts().findByExternalId("CORE-BANKING", key)).singleElement()
                .satisfies(a -> assertThat(a.hostSystem()).isEqualTo("CORE-BANKING"));
        assertThat(store().accounts().findByCustomer(customer.id())).hasSize(4);
    }

    @Test
    @DisplayName("no DuplicateKeyException carries the key's value: identifiers, external references and host keys, on insert and update")
    void noKeyValueInMessages() {
        Customer holder = customer();
        Identifier taken = holder.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Customer other = customer();
        Interaction call = store().interactions().save(Fixtures.interaction(holder.id()).build());
        LinkedAccount account = store().accounts().save(Fixtures.account(holder.id()));

        assertNoValue(thrownDuplicateKey(() -> store().customers().save(Fixtures.customer().identifiers(taken).build())), "identifier", taken.value());
        assertNoValue(thrownDuplicateKey(() -> store().customers().save(other.withIdentifier(taken))), "identifier", taken.value());
        assertNoValue(thrownDuplicateKey(() -> store().interactions().save(Fixtures.interaction(holder.id())
                .externalRef(call.externalRef()).build())), "externalRef", call.externalRef().id());
        assertNoValue(thrownDuplicateKey(() -> store().accounts().save(Fixtures.account(holder.id(), account.hostSystem(),
                account.externalId()))), "externalId", account.externalId());
    }

    private static void assertNoValue(DuplicateKeyException e, String key, String value) {
        assertThat(e.key()).isEqualTo(key);
        assertThat(String.valueOf(e.getMessage())).as("the message").doesNotContain(value);
        assertThat(e.toString()).as("toString()").doesNotContain(value);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).as("the message of the cause %s", cause.getClass().getName())
                    .doesNotContain(value);
        }
    }
}
