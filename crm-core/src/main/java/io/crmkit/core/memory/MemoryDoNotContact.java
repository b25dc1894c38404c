package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ConsentRepository;
import io.crmkit.core.spi.DoNotContactRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Do-not-contact flags by customer id (the row's id): no index needed. */
final class MemoryDoNotContact extends MemoryTable<DoNotContact, CustomerId> implements DoNotContactRepository {
    MemoryDoNotContact(InMemoryCrmStore store) {
        super(store, "DoNotContact");
    }

    @Override
    void index(DoNotContact row) {}

    @Override
    void unindex(DoNotContact row) {}

    @Override
    public List<DoNotContact> findByCustomers(Collection<CustomerId> customerIds) {
        Check.notNull(customerIds, "customerIds");
        Check.that(customerIds.size() <= ConsentRepository.MAX_BATCH, "customerIds", "Size",
                "must have at most " + ConsentRepository.MAX_BATCH + " entries");
        List<CustomerId> sorted = ascending(customerIds);
        return seen(() -> store.read(() -> {
            List<DoNotContact> out = new ArrayList<>();
            for (CustomerId c : sorted) {
                DoNotContact d = rows.get(c);
                if (d != null) {
                    out.add(d);
                }
            }
            return out;
        }), d -> java.util.Collections.binarySearch(sorted, d.id()) >= 0);
    }
}
