package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerRepository#findByIds}: a batch answers exactly what one {@link CustomerRepository#findById}
 * per id answers — missing ids absent, an id given twice once, the running transaction's own inserts,
 * updates and deletes seen — in the order the ids were given, and bad batches refused.
 */
public abstract class IdBatchContract extends StoreContract {

    private CustomerRepository customers() {
        return store().customers();
    }

    /** What one read per id says (id and version), keyed and ordered as the batch must be. */
    private Map<CustomerId, Long> oneByOne(List<CustomerId> ids) {
        Map<CustomerId, Long> out = new LinkedHashMap<>();
        for (CustomerId id : ids) {
            customers().findById(id).ifPresent(c -> out.putIfAbsent(id, c.meta().version()));
        }
        return out;
    }

    private Map<CustomerId, Long> batch(List<CustomerId> ids) {
        Map<CustomerId, Long> out = new LinkedHashMap<>();
        customers().findByIds(ids).forEach((id, c) -> {
            assertThat(c.id()).isEqualTo(id);
            out.put(id, c.meta().version());
        });
        return out;
    }

    @Test
    @DisplayName("a batch finds what one read per id finds: missing ids absent, duplicates once, in the given order")
    void batchEqualsOneReadPerId() {
        Customer a = customers().save(Fixtures.customer().build());
        Customer b = customers().save(Fixtures.customer().institution().build());
        CustomerId missing = CustomerId.of(UniqueIds.next("missing"));
        List<CustomerId> ids = List.of(missing, b.id(), a.id(), b.id());

        Map<CustomerId, Customer> found = customers().findByIds(ids);

        assertThat(batch(ids)).containsExactlyEntriesOf(oneByOne(ids));
        assertThat(found.keySet()).containsExactly(b.id(), a.id());
        assertThat(found.get(a.id())).readsBackAs(a);
        assertThat(found.get(b.id())).readsBackAs(b);
        assertThat(customers().findByIds(List.of())).isEmpty();
        assertThat(customers().findByIds(List.of(missing))).isEmpty();
    }

    @Test
    @DisplayName("inside a transaction, a batch sees the transaction's own insert, update and delete")
    void batchSeesOwnWrites() {
        Customer stored = customers().save(Fixtures.customer().build());
        Customer doomed = customers().save(Fixtures.customer().build());
        Customer fresh = Fixtures.customer().build();

        store().runInTransaction(() -> {
            Customer inserted = customers().save(fresh);
            Customer v2 = customers().save(stored.withTags(java.util.Set.of("tck-batch")));
            customers().delete(doomed.id(), doomed.meta().version());
            List<CustomerId> ids = List.of(doomed.id(), fresh.id(), stored.id());

            Map<CustomerId, Customer> found = customers().findByIds(ids);

            assertThat(batch(ids)).containsExactlyEntriesOf(oneByOne(ids));
            assertThat(found.keySet()).containsExactly(fresh.id(), stored.id());
            assertThat(found.get(fresh.id())).readsBackAs(inserted);
            assertThat(found.get(stored.id())).readsBackAs(v2);
        });
        assertThat(customers().findByIds(List.of(stored.id())).get(stored.id()).tags()).containsExactly("tck-batch");
    }

    @Test
    @DisplayName("a full batch of ids, shuffled and a third of them missing, finds every customer saved")
    void fullBatch() {
        List<CustomerId> ids = new ArrayList<>();
        List<Customer> saved = new ArrayList<>();
        store().runInTransaction(() -> {
            for (int i = 0; i < Batch.MAX_IDS; i++) {
                if (i % 3 == 0) {
                    ids.add(CustomerId.of(UniqueIds.next("absent")));
                } else {
                    Customer c = customers().save(Fixtures.customer().build());
                    saved.add(c);
                    ids.add(c.id());
                }
            }
        });
        Collections.shuffle(ids, new java.util.Random(17));

        Map<CustomerId, Long> found = batch(ids);

        assertThat(found).hasSize(saved.size()).containsExactlyEntriesOf(oneByOne(ids));
    }

    @Test
    @DisplayName("a null batch, a batch holding null and one over the limit are refused with a ValidationException on ids")
    void badBatchesRefused() {
        CustomerId id = CustomerId.of(UniqueIds.next("c"));
        List<CustomerId> withNull = Arrays.asList(id, null);
        List<CustomerId> tooMany = new ArrayList<>();
        for (int i = 0; i <= Batch.MAX_IDS; i++) {
            tooMany.add(CustomerId.of(UniqueIds.next("c")));
        }

        for (Object bad : new Object[] {null, withNull, tooMany}) {
            @SuppressWarnings("unchecked")
            List<CustomerId> arg = (List<CustomerId>) bad;
            assertThatThrownBy(() -> customers().findByIds(arg)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).violations()).allSatisfy(
                            v -> assertThat(v.field()).startsWith("ids")));
        }
    }
}
