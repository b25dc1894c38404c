package io.crmkit.jpa.internal;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ConsentRepository;
import io.crmkit.core.spi.DoNotContactRepository;

/** Do-not-contact flags on JPA, keyed by customer id. Thread-safe. */
final class JpaDoNotContact extends JpaRepository<DoNotContact, CustomerId, DoNotContactEntity> implements DoNotContactRepository {

    JpaDoNotContact(Transactions tx, StoreSettings settings) {
        super(tx, settings, DoNotContactEntity.class, DoNotContact.class, "DoNotContact");
    }

    @Override
    String key(CustomerId id) {
        return id.value();
    }

    @Override
    DoNotContactEntity newEntity() {
        return new DoNotContactEntity();
    }

    @Override
    void copyColumns(DoNotContact d, DoNotContactEntity e) {
        // nothing is queried but the id
    }

    @Override
    public List<DoNotContact> findByCustomers(Collection<CustomerId> customerIds) {
        Check.notNull(customerIds, "customerIds");
        Check.that(customerIds.size() <= ConsentRepository.MAX_BATCH, "customerIds", "Size",
                "must have at most " + ConsentRepository.MAX_BATCH + " entries");
        if (customerIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new TreeSet<>(customerIds).stream().map(CustomerId::value).toList();
        return tx.run(em -> fromRows(Jpql.from("DoNotContact").andAll("e.id in (:ids)", "ids", ids).list(em, "e.id", 0)));
    }
}
