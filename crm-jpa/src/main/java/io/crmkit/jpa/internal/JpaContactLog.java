package io.crmkit.jpa.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.consent.ContactOutcome;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ConsentRepository;
import io.crmkit.core.spi.ContactLogRepository;

/** The contact log on JPA. Thread-safe. */
final class JpaContactLog extends JpaRepository<ContactAttempt, ContactAttemptId, ContactAttemptEntity>
        implements ContactLogRepository {

    JpaContactLog(Transactions tx, StoreSettings settings) {
        super(tx, settings, ContactAttemptEntity.class, ContactAttempt.class, "ContactAttempt");
    }

    @Override
    String key(ContactAttemptId id) {
        return id.value();
    }

    @Override
    ContactAttemptEntity newEntity() {
        return new ContactAttemptEntity();
    }

    @Override
    void copyColumns(ContactAttempt a, ContactAttemptEntity e) {
        e.customerId = a.customerId().value();
        e.at = micros(a.at());
        e.outcome = a.outcome().name();
    }

    @Override
    public List<ContactAttempt> findByCustomer(CustomerId customerId, Instant from, Instant to) {
        Check.notNull(customerId, "customerId");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.that(to.isAfter(from), "to", "AfterFrom", "must be after from");
        return tx.run(em -> fromRows(Jpql.from("ContactAttempt")
                .andAll("e.customerId = :c and e.at >= :f and e.at < :t", "c", customerId.value(), "f", micros(from), "t",
                        to)
                .list(em, "e.at, e.id", MAX_ENTRIES)));
    }

    @Override
    public List<ContactAttempt> findCarriedOut(Collection<CustomerId> customerIds, Instant from) {
        Check.notNull(customerIds, "customerIds");
        Check.notNull(from, "from");
        Check.that(customerIds.size() <= ConsentRepository.MAX_BATCH, "customerIds", "Size",
                "must have at most " + ConsentRepository.MAX_BATCH + " entries");
        if (customerIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new TreeSet<>(customerIds).stream().map(CustomerId::value).toList();
        List<ContactAttempt> all = tx.run(em -> fromRows(Jpql.from("ContactAttempt")
                .andAll("e.customerId in (:ids) and e.at >= :f and e.outcome = :o", "ids", ids, "f", micros(from), "o",
                        ContactOutcome.CARRIED_OUT.name())
                .list(em, "e.customerId, e.at, e.id", 0)));
        // at most MAX_ENTRIES per customer, as the contract says
        List<ContactAttempt> out = new ArrayList<>(all.size());
        CustomerId current = null;
        int n = 0;
        for (ContactAttempt a : all) {
            if (!a.customerId().equals(current)) {
                current = a.customerId();
                n = 0;
            }
            if (n++ < MAX_ENTRIES) {
                out.add(a);
            }
        }
        return out;
    }
}
