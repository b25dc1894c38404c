package io.crmkit.jpa.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.TimelineCursor;

/**
 * Interactions on JPA. The timeline is keyset-paged on {@code (occurred_at, occurred_nano, id)}
 * descending with a row-value comparison, which the timeline index serves without an offset scan.
 * Thread-safe.
 */
final class JpaInteractions extends JpaRepository<Interaction, InteractionId, InteractionEntity>
        implements InteractionRepository {
    private static final String TIME_ORDER = "e.occurredAt, e.occurredNano, e.id";
    private static final String NEWEST_FIRST = "e.occurredAt desc, e.occurredNano desc, e.id desc";
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    JpaInteractions(Transactions tx, StoreSettings settings) {
        super(tx, settings, InteractionEntity.class, Interaction.class, "Interaction");
    }

    @Override
    String key(InteractionId id) {
        return id.value();
    }

    @Override
    InteractionEntity newEntity() {
        return new InteractionEntity();
    }

    @Override
    void copyColumns(Interaction i, InteractionEntity e) {
        e.customerId = i.customerId().value();
        e.occurredAt = micros(i.occurredAt());
        e.occurredNano = i.occurredAt().getNano();
        e.channel = i.channel().name();
        e.extSystem = i.externalRef() == null ? null : i.externalRef().system();
        e.extId = i.externalRef() == null ? null : i.externalRef().id();
    }

    @Override
    void checkKeys(EntityManager em, Interaction i) {
        if (i.externalRef() != null && holder(em, i.externalRef()).filter(h -> !h.equals(i.id().value())).isPresent()) {
            throw new DuplicateKeyException("Interaction", "externalRef");
        }
    }

    private static Optional<String> holder(EntityManager em, ExternalRef ref) {
        return em.createQuery("select e.id from Interaction e where e.extSystem = :s and e.extId = :i", String.class)
                .setParameter("s", ref.system()).setParameter("i", ref.id()).getResultStream().findFirst();
    }

    @Override
    public Optional<Interaction> findByExternalRef(ExternalRef ref) {
        Check.notNull(ref, "ref");
        return tx.run(em -> fromRows(Jpql.from("Interaction")
                .andAll("e.extSystem = :s and e.extId = :x", "s", ref.system(), "x", ref.id())
                .list(em, "e.id", 1)).stream().findFirst());
    }

    @Override
    public Page<Interaction> timeline(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        TimelineCursor cursor = page.after() == null ? null : TimelineCursor.decode(page.after());
        return tx.run(em -> {
            Jpql q = Jpql.from("Interaction").and("e.customerId = :c", "c", customerId.value());
            if (cursor != null) {
                Instant at = micros(cursor.occurredAt());
                // the plain bound lets every database range-scan the index; the tuple makes it exact
                q.andAll("e.occurredAt <= :at and (e.occurredAt, e.occurredNano, e.id) < (:at, :nano, :id)",
                        "at", at, "nano", cursor.occurredAt().getNano(), "id", cursor.id().value());
            }
            List<Interaction> fetched = fromRows(q.list(em, NEWEST_FIRST, page.size() + 1));
            return Page.of(fetched, page.size(), i -> TimelineCursor.of(i).encode());
        });
    }

    @Override
    public long countByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> Jpql.from("Interaction").and("e.customerId = :c", "c", customerId.value()).count(em));
    }

    @Override
    public Stream<Interaction> stream(Instant from, Instant to) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (!to.isAfter(from)) {
            return Stream.empty();
        }
        return streamBetween(storable(from), storable(to));
    }

    /**
     * A bound every database's timestamp can hold: PostgreSQL refuses {@code Instant.MIN} and
     * {@code MAX} (SQLState 22008), and no interaction lies outside years 1 to 9999, so clamping
     * changes no result.
     */
    private static Instant storable(Instant at) {
        return at.isBefore(FIRST_INSTANT) ? FIRST_INSTANT : at.isAfter(LAST_INSTANT) ? LAST_INSTANT : at;
    }

    /**
     * The projection without mapping documents: customer, time and channel from their columns,
     * direction and outcome read from the document by the streaming parser (the subject, notes and
     * participants are skipped, not decoded). A document of an older format, or a store that
     * encrypts either field, takes the full read for that row or for all.
     */
    @Override
    public Stream<Fact> streamFacts(Instant from, Instant to) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (!to.isAfter(from)) {
            return Stream.empty();
        }
        if (settings.documents().encrypts(Interaction.class, "direction")
                || settings.documents().encrypts(Interaction.class, "outcome")) {
            return stream(from, to).map(Fact::of);
        }
        Instant lo = storable(from);
        Instant hi = storable(to);
        return tx.stream(em -> range(lo, hi).stream(em, "e.customerId, e.occurredAt, e.occurredNano, e.channel, e.doc, e.version",
                TIME_ORDER, settings.fetchSize()).map(this::fact));
    }

    private Fact fact(Object[] r) {
        String doc = (String) r[4];
        String[] texts = DocumentCodec.texts(doc, "direction", "outcome");
        if (texts == null || texts[0] == null) {
            return Fact.of(fromDoc(doc, ((Number) r[5]).longValue()));
        }
        Instant at = (Instant) r[1];
        return new Fact(CustomerId.of((String) r[0]), Instant.ofEpochSecond(at.getEpochSecond(), ((Number) r[2]).intValue()),
                Channel.valueOf((String) r[3]), Direction.valueOf(texts[0]), texts[1] == null ? null : Outcome.valueOf(texts[1]));
    }

    private Stream<Interaction> streamBetween(Instant from, Instant to) {
        return tx.stream(em -> range(from, to).stream(em, TIME_ORDER, settings.fetchSize())
                .map(r -> fromDoc((String) r[0], ((Number) r[1]).longValue())));
    }

    /** {@code from <= occurredAt < to} on the stored time and nanos. */
    private static Jpql range(Instant from, Instant to) {
        return Jpql.from("Interaction")
                .andAll("e.occurredAt >= :fromAt and e.occurredAt <= :toAt"
                        + " and (e.occurredAt, e.occurredNano) >= (:fromAt, :fromNano)"
                        + " and (e.occurredAt, e.occurredNano) < (:toAt, :toNano)",
                        "fromAt", micros(from), "fromNano", from.getNano(), "toAt", micros(to), "toNano", to.getNano());
    }
}
