package io.crmkit.core.internal;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.MergeService;
import io.crmkit.core.merge.MergeStatus;
import java.util.Optional;

/**
 * Reads through a merged id: a tombstone resolves to its survivor (following a chain of merges, at
 * most {@value #MAX_HOPS} deep), as the actor sees it; a hidden survivor is absent. A customer that
 * is no tombstone is itself. Stateless; thread-safe.
 */
final class MergeRedirect {
    static final int MAX_HOPS = 16;

    private MergeRedirect() {}

    static Optional<Customer> follow(Engine engine, Access access, Customer c) {
        Customer at = c;
        for (int hop = 0; hop < MAX_HOPS && at.tags().contains(MergeService.TOMBSTONE_TAG); hop++) {
            Optional<MergeRecord> m;
            try {
                Customer cur = at;
                m = engine.store.merges().findByCustomer(at.id()).stream()
                        .filter(r -> r.status() == MergeStatus.MERGED && r.duplicate().equals(cur.id())).findFirst();
            } catch (StoreException e) {
                if (e.isTransient()) {
                    throw e;
                }
                return Optional.of(at); // a store without merge records has no tombstones, only a tag
            }
            if (m.isEmpty()) {
                return Optional.of(at);
            }
            Optional<Customer> next = access.visible(m.get().survivor());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }
}
