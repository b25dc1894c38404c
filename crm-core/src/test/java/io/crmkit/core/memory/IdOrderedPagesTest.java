package io.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.DataScope;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store's id-ordered walk (chunks that split and empty) against a plain sorted map, after
 * saves in random order, owner and branch changes and deletes: every page from every kind of
 * cursor, scoped and unscoped, and the counts, hold exactly the customers the map holds.
 */
@DisplayName("In-memory customer pages walk the id order exactly, through chunk splits, moves and deletes")
class IdOrderedPagesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int OWNERS = 6;
    private static final int UNITS = 4;

    @Test
    void pagesAndCountsMatchASortedMapAfterRandomWrites() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        TreeMap<String, Customer> model = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int step = 0; step < 6_000; step++) {
            String id = "C" + random.nextInt(3_000);
            Customer now = model.get(id);
            int action = random.nextInt(10);
            if (now == null) {
                model.put(id, store.customers().save(customer(id, random)));
            } else if (action < 6) {
                model.put(id, store.customers().save(moved(now, random)));
            } else {
                store.customers().delete(now.id(), now.meta().version());
                model.remove(id);
            }
            if (step % 1_500 == 1_499) {
                check(store, model, random);
            }
        }
        check(store, model, random);
    }

    private static void check(InMemoryCrmStore store, TreeMap<String, Customer> model, SplittableRandom random) {
        List<DataScope> scopes = List.of(DataScope.everything(), DataScope.none(),
                DataScope.of(Set.of(owner(0), owner(3)), Set.of(unit(1))),
                DataScope.of(Set.of(owner(5)), Set.of()),
                DataScope.of(Set.of(), Set.of(unit(0), unit(2))));
        for (DataScope scope : scopes) {
            CustomerQuery query = CustomerQuery.all().within(scope);
            List<String> expected = model.values().stream().filter(scope::includes).map(c -> c.id().value()).toList();
            assertThat(store.customers().count(query)).isEqualTo(expected.size());
            assertThat(walk(store, query, null, 1 + random.nextInt(60))).containsExactlyElementsOf(expected);
            // from cursors that are held ids, removed or never used ids, and ids before and after every one
            for (String after : List.of("C" + random.nextInt(3_000), "C" + random.nextInt(3_000), "A", "D", "C1500x")) {
                List<String> tail = expected.stream().filter(i -> i.compareTo(after) > 0).toList();
                assertThat(walk(store, query, after, 1 + random.nextInt(60))).containsExactlyElementsOf(tail);
            }
        }
    }

    private static List<String> walk(InMemoryCrmStore store, CustomerQuery query, String after, int size) {
        List<String> seen = new ArrayList<>();
        PageRequest page = new PageRequest(after, size);
        while (true) {
            Page<Customer> p = store.customers().find(query, page);
            assertThat(p.items().size()).isLessThanOrEqualTo(size);
            p.items().forEach(c -> seen.add(c.id().value()));
            if (!p.hasNext()) {
                return seen;
            }
            page = new PageRequest(p.nextCursor(), size);
        }
    }

    private static StaffId owner(int n) {
        return StaffId.of("rm-" + n);
    }

    private static OrgUnitId unit(int n) {
        return OrgUnitId.of("u-" + n);
    }

    private static Customer customer(String id, SplittableRandom random) {
        return new Customer(CustomerId.of(id), CustomerType.INDIVIDUAL, CustomerName.of("Customer"), List.of(),
                LocalDate.of(1970, 1, 1), Profile.EMPTY, LifecycleStage.ACTIVE, List.of(),
                random.nextInt(8) == 0 ? null : owner(random.nextInt(OWNERS)),
                random.nextInt(5) == 0 ? null : unit(random.nextInt(UNITS)), null, Set.of(), List.of(), Map.of(),
                Meta.created(T0, "test"));
    }

    private static Customer moved(Customer c, SplittableRandom random) {
        return new Customer(c.id(), c.type(), c.name(), c.identifiers(), c.birthDate(), c.profile(), c.lifecycle(),
                c.lifecycleHistory(), owner(random.nextInt(OWNERS)), random.nextBoolean() ? null : unit(random.nextInt(UNITS)),
                c.tier(), c.tags(), c.contactPoints(), c.extensions(), c.meta());
    }
}
