package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.tier.TierDefinition;

/**
 * Tier definitions and the append-only tier history on JPA. History entries get ids from a pooled
 * sequence, which also orders entries with the same effective time. Thread-safe.
 */
final class JpaTiers implements TierRepository {
    private final Transactions tx;
    private final StoreSettings settings;

    JpaTiers(Transactions tx, StoreSettings settings) {
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public List<TierDefinition> definitions() {
        return tx.run(em -> em.createQuery("select d from TierDefinition d order by d.rank, d.code",
                TierDefinitionEntity.class).getResultList().stream()
                .map(d -> new TierDefinition(TierCode.of(d.code), d.name, d.rank)).toList());
    }

    @Override
    public void saveDefinition(TierDefinition definition) {
        Check.notNull(definition, "definition");
        write(em -> {
            TierDefinitionEntity row = em.find(TierDefinitionEntity.class, definition.code().value());
            boolean fresh = row == null;
            if (fresh) {
                row = new TierDefinitionEntity();
                row.code = definition.code().value();
            }
            row.name = definition.name();
            row.rank = definition.rank();
            if (fresh) {
                em.persist(row);
            }
        });
    }

    @Override
    public void append(TierAssignment assignment) {
        Check.notNull(assignment, "assignment");
        write(em -> {
            TierAssignmentEntity row = new TierAssignmentEntity();
            row.customerId = assignment.customerId().value();
            row.effectiveFrom = JpaRepository.micros(assignment.effectiveFrom());
            row.effectiveNano = assignment.effectiveFrom().getNano();
            row.doc = DocumentCodec.write(assignment);
            em.persist(row);
        });
    }

    @Override
    public List<TierAssignment> history(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> em.createQuery("select a.doc from TierAssignment a where a.customerId = :c"
                + " order by a.effectiveFrom desc, a.effectiveNano desc, a.id desc", String.class)
                .setParameter("c", customerId.value()).getResultList().stream()
                .map(doc -> DocumentCodec.read(doc, TierAssignment.class)).toList());
    }

    /** One query per batch: every history entry of the batch's customers, newest first per customer; the first of each wins. */
    @Override
    public java.util.Map<CustomerId, TierAssignment> currentOf(java.util.Collection<CustomerId> customerIds) {
        List<CustomerId> ids = io.crmkit.core.spi.Batch.ids(customerIds, "customerIds");
        java.util.Map<String, TierAssignment> newest = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            List<String> keys = ids.stream().map(CustomerId::value).toList();
            tx.run(em -> {
                for (Object[] row : em.createQuery("select a.customerId, a.doc from TierAssignment a where a.customerId in :ids"
                        + " order by a.customerId, a.effectiveFrom desc, a.effectiveNano desc, a.id desc", Object[].class)
                        .setParameter("ids", keys).getResultList()) {
                    newest.computeIfAbsent((String) row[0], k -> DocumentCodec.read((String) row[1], TierAssignment.class));
                }
                return null;
            });
        }
        return JpaRepository.inAskedOrder(ids, newest);
    }

    @Override
    public int replaceReasons(CustomerId customerId, String replacement) {
        Check.notNull(customerId, "customerId");
        Check.notBlank(replacement, "replacement", Check.MAX_SHORT);
        int[] changed = {0};
        // row by row through the persistence context, never a bulk update
        write(em -> em.createQuery("select a from TierAssignment a where a.customerId = :c", TierAssignmentEntity.class)
                .setParameter("c", customerId.value()).getResultList().forEach(row -> {
                    TierAssignment a = DocumentCodec.read(row.doc, TierAssignment.class);
                    if (!a.reason().equals(replacement)) {
                        row.doc = DocumentCodec.write(new TierAssignment(a.customerId(), a.tier(), a.previous(), a.effectiveFrom(),
                                a.source(), replacement, a.assignedBy(), a.expiresAt()));
                        changed[0]++;
                    }
                }));
        return changed[0];
    }

    /**
     * Loads {@code from}'s entries and gives those asked for to {@code to}, row by row (never a bulk
     * update: see the quality notes); each keeps its id, so its place among equal times stays.
     */
    @Override
    public void moveHistory(CustomerId from, CustomerId to, List<TierAssignment> entries) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        List<TierAssignment> moving = new java.util.ArrayList<>(Check.list(entries, "entries"));
        write(em -> {
            for (TierAssignmentEntity row : em.createQuery("select a from TierAssignment a where a.customerId = :c order by a.id",
                    TierAssignmentEntity.class).setParameter("c", from.value()).getResultList()) {
                TierAssignment e = DocumentCodec.read(row.doc, TierAssignment.class);
                if (moving.remove(e)) {
                    row.customerId = to.value();
                    row.doc = DocumentCodec.write(new TierAssignment(to, e.tier(), e.previous(), e.effectiveFrom(), e.source(),
                            e.reason(), e.assignedBy(), e.expiresAt()));
                }
            }
        });
    }

    private void write(java.util.function.Consumer<jakarta.persistence.EntityManager> work) {
        tx.run(em -> {
            try {
                work.accept(em);
                if (!settings.batchWrites()) {
                    em.flush();
                }
                return null;
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                tx.markRollbackOnly();
                throw ExceptionTranslator.translate(e, "TierDefinition", null, 0);
            }
        });
    }
}
