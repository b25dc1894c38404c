package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerRepository#findByIdentifiers}: a batch answers exactly what one
 * {@link CustomerRepository#findByIdentifier} per key answers — the same exact matching (type, issuer
 * and value together; an external system's issuer case-sensitive), missing keys absent, a key given
 * twice once, two keys of one customer both to it, the running transaction's own inserts, updates
 * and deletes seen — in the order the keys were given, and bad batches refused.
 */
public abstract class IdentifierBatchContract extends StoreContract {

    private CustomerRepository customers() {
        return store().customers();
    }

    /** What one lookup per key says, keyed and ordered as the batch must be. */
    private Map<Identifier, CustomerId> oneByOne(List<Identifier> keys) {
        Map<Identifier, CustomerId> out = new LinkedHashMap<>();
        for (Identifier k : keys) {
            Optional<Customer> c = customers().findByIdentifier(k);
            c.ifPresent(x -> out.putIfAbsent(k, x.id()));
        }
        return out;
    }

    private Map<Identifier, CustomerId> batch(List<Identifier> keys) {
        Map<Identifier, CustomerId> out = new LinkedHashMap<>();
        customers().findByIdentifiers(keys).forEach((k, c) -> out.put(k, c.id()));
        return out;
    }

    @Test
    @DisplayName("a batch finds what one lookup per key finds: missing keys absent, duplicates once, both keys of one customer, in the given order")
    void batchEqualsOneLookupPerKey() {
        Customer a = customers().save(Fixtures.customer().build());
        Customer b = customers().save(Fixtures.customer().institution().build());
        Identifier missing = ValidIdentifiers.nationalId();
        List<Identifier> keys = new ArrayList<>();
        keys.add(missing);
        keys.addAll(b.identifiers());
        keys.add(a.identifiers().get(0));
        keys.add(a.identifiers().get(0));
        keys.addAll(a.identifiers());

        Map<Identifier, Customer> found = customers().findByIdentifiers(keys);

        assertThat(batch(keys)).containsExactlyEntriesOf(oneByOne(keys));
        assertThat(found).doesNotContainKey(missing);
        assertThat(found.keySet()).containsExactlyElementsOf(oneByOne(keys).keySet());
        assertThat(found.get(a.identifiers().get(0))).readsBackAs(a);
        for (Identifier k : b.identifiers()) {
            assertThat(found.get(k)).as("by %s", k.type()).readsBackAs(b);
        }
        assertThat(customers().findByIdentifiers(List.of())).isEmpty();
        assertThat(customers().findByIdentifiers(List.of(missing))).isEmpty();
    }

    @Test
    @DisplayName("a batch matches type, issuer and value together, and an external system's issuer by case")
    void batchMatchesExactly() {
        String number = ValidIdentifiers.passportNumber();
        Customer cn = customers().save(Fixtures.customer().identifiers(Identifier.passport("CN", number)).build());
        Customer hk = customers().save(Fixtures.customer().identifiers(Identifier.passport("HK", number)).build());
        String value = UniqueIds.next("key").toUpperCase(Locale.ROOT);
        Customer lower = customers().save(Fixtures.customer().identifiers(Identifier.external("core-banking", value)).build());
        List<Identifier> keys = List.of(Identifier.passport("CN", number), Identifier.passport("HK", number),
                Identifier.passport("MO", number), Identifier.of(IdentifierType.TAX_ID, number, "CN"),
                Identifier.external("core-banking", value), Identifier.external("CORE-BANKING", value),
                Identifier.external("Core-Banking", value));

        Map<Identifier, CustomerId> found = batch(keys);

        assertThat(found).containsExactlyEntriesOf(oneByOne(keys));
        assertThat(found).containsOnly(Map.entry(keys.get(0), cn.id()), Map.entry(keys.get(1), hk.id()),
                Map.entry(keys.get(4), lower.id()));
    }

    @Test
    @DisplayName("inside a transaction, a batch sees the transaction's own insert, update and delete")
    void batchSeesOwnWrites() {
        Customer stored = customers().save(Fixtures.customer().build());
        Customer doomed = customers().save(Fixtures.customer().build());
        Identifier old = stored.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Identifier replacement = ValidIdentifiers.nationalId();
        Customer fresh = Fixtures.customer().build();

        store().runInTransaction(() -> {
            Customer inserted = customers().save(fresh);
            Customer v2 = customers().save(stored.withIdentifier(replacement));
            customers().delete(doomed.id(), doomed.meta().version());
            List<Identifier> keys = new ArrayList<>(fresh.identifiers());
            keys.add(old);
            keys.add(replacement);
            keys.addAll(doomed.identifiers());

            Map<Identifier, Customer> found = customers().findByIdentifiers(keys);

            assertThat(batch(keys)).containsExactlyEntriesOf(oneByOne(keys));
            assertThat(found.get(fresh.identifiers().get(0))).readsBackAs(inserted);
            assertThat(found.get(replacement)).readsBackAs(v2);
            assertThat(found).doesNotContainKeys(old).doesNotContainKeys(doomed.identifiers().toArray(Identifier[]::new));
        });
    }

    @Test
    @DisplayName("a batch over many keys (more than a SQL IN list usually holds) finds every customer")
    void largeBatch() {
        List<Identifier> keys = new ArrayList<>();
        List<Customer> saved = new ArrayList<>();
        store().runInTransaction(() -> {
            for (int i = 0; i < 1_200; i++) {
                Identifier k = Identifier.external("tck-batch", UniqueIds.next("b").toUpperCase(Locale.ROOT));
                keys.add(k);
                if (i % 3 != 0) {
                    saved.add(customers().save(Fixtures.customer().identifiers(k).build()));
                }
            }
        });
        Collections.shuffle(keys, new java.util.Random(13));

        Map<Identifier, CustomerId> found = batch(keys);

        assertThat(found).hasSize(saved.size()).containsExactlyEntriesOf(oneByOne(keys));
    }

    @Test
    @DisplayName("a null batch, a batch holding null and one over the limit are refused with a ValidationException on identifiers")
    void badBatchesRefused() {
        Identifier k = ValidIdentifiers.nationalId();
        List<Identifier> withNull = Arrays.asList(k, null);
        List<Identifier> tooMany = Collections.nCopies(CustomerRepository.MAX_IDENTIFIER_BATCH + 1, k);

        for (Object bad : new Object[] {null, withNull, tooMany}) {
            @SuppressWarnings("unchecked")
            List<Identifier> arg = (List<Identifier>) bad;
            assertThatThrownBy(() -> customers().findByIdentifiers(arg)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).violations()).allSatisfy(
                            v -> assertThat(v.field()).isEqualTo("identifiers")));
        }
    }
}
