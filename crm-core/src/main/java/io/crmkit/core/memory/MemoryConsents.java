package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ConsentRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Consent records with the natural key (customer, contact point kind, purpose) and an index by customer. */
final class MemoryConsents extends MemoryTable<ConsentRecord, ConsentId> implements ConsentRepository {
    private final Map<String, ConsentId> byKey = new HashMap<>();
    private final Map<CustomerId, TreeSet<ConsentId>> byCustomer = new HashMap<>();

    MemoryConsents(InMemoryCrmStore store) {
        super(store, "Consent");
    }

    private static String key(CustomerId c, ContactPointKind point, ConsentPurpose purpose) {
        return c.value() + "\u0000" + point + "\u0000" + purpose;
    }

    @Override
    List<String> naturalKeys(ConsentRecord row) {
        return List.of(key(row.customerId(), row.point(), row.purpose()));
    }

    @Override
    @Nullable ConsentId committedHolder(String key) {
        return byKey.get(key);
    }

    @Override
    String keyName() {
        return "consentKey";
    }

    @Override
    void index(ConsentRecord r) {
        byKey.put(key(r.customerId(), r.point(), r.purpose()), r.id());
        add(byCustomer, r.customerId(), r.id());
    }

    @Override
    void unindex(ConsentRecord r) {
        byKey.remove(key(r.customerId(), r.point(), r.purpose()), r.id());
        remove(byCustomer, r.customerId(), r.id());
    }

    @Override
    public Optional<ConsentRecord> find(CustomerId customerId, ContactPointKind point, ConsentPurpose purpose) {
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        ConsentId holder = holderSeen(key(customerId, point, purpose));
        return holder == null ? Optional.empty() : findById(holder);
    }

    @Override
    public List<ConsentRecord> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                r -> customerId.equals(r.customerId()));
    }

    @Override
    public List<ConsentRecord> findByCustomers(Collection<CustomerId> customerIds) {
        Check.notNull(customerIds, "customerIds");
        Check.that(customerIds.size() <= MAX_BATCH, "customerIds", "Size", "must have at most " + MAX_BATCH + " entries");
        List<CustomerId> sorted = ascending(customerIds);
        return seen(() -> store.read(() -> {
            List<ConsentRecord> out = new ArrayList<>();
            for (CustomerId c : sorted) {
                TreeSet<ConsentId> ids = byCustomer.get(c);
                if (ids != null) {
                    ids.forEach(id -> out.add(rows.get(id)));
                }
            }
            return out;
        }), r -> java.util.Collections.binarySearch(sorted, r.customerId()) >= 0,
                java.util.Comparator.comparing(ConsentRecord::customerId).thenComparing(ConsentRecord::id));
    }
}
