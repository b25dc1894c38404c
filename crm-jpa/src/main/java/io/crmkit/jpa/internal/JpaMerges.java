package io.crmkit.jpa.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.spi.MergeRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Merge records on JPA. Thread-safe. */
final class JpaMerges extends JpaRepository<MergeRecord, MergeId, MergeEntity> implements MergeRepository {

    JpaMerges(Transactions tx, StoreSettings settings) {
        super(tx, settings, MergeEntity.class, MergeRecord.class, "MergeRecord");
    }

    @Override
    String key(MergeId id) {
        return id.value();
    }

    @Override
    MergeEntity newEntity() {
        return new MergeEntity();
    }

    @Override
    void copyColumns(MergeRecord m, MergeEntity e) {
        e.survivorId = m.survivor().value();
        e.duplicateId = m.duplicate().value();
        e.status = m.status().name();
    }

    @Override
    public List<MergeRecord> findByCustomer(CustomerId customer) {
        Check.notNull(customer, "customer");
        return tx.run(em -> {
            // two index ranges rather than one OR, which a planner may answer with a scan
            List<MergeRecord> out = new ArrayList<>(fromRows(Jpql.from("MergeRecord")
                    .and("e.survivorId = :c", "c", customer.value()).list(em, "e.id", 0)));
            out.addAll(fromRows(Jpql.from("MergeRecord").and("e.duplicateId = :c", "c", customer.value()).list(em, "e.id", 0)));
            out.sort(Comparator.comparing(MergeRecord::id));
            return out;
        });
    }
}
