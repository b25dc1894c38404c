package io.crmkit.core.memory;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Pages;
import io.crmkit.core.spi.TimelineCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Interactions with a per-customer timeline index (newest first), an external-reference index
 * and a global time index for batch streams.
 */
final class MemoryInteractions extends MemoryTable<Interaction, InteractionId> implements InteractionRepository {
    /** A position in time order: ascending occurredAt, then id. */
    private record TimeKey(Instant at, InteractionId id) {}

    private static final Comparator<TimeKey> ASCENDING =
            Comparator.comparing(TimeKey::at).thenComparing(TimeKey::id);

    /** The smallest id there can be ('-' is the lowest character ids allow): a bound for time ranges. */
    private static final InteractionId LOWEST = InteractionId.of("-");

    private final Map<ExternalRef, InteractionId> byRef = new HashMap<>();
    private final Map<CustomerId, TreeSet<TimeKey>> timelines = new HashMap<>();
    private final TreeSet<TimeKey> byTime = new TreeSet<>(ASCENDING);

    MemoryInteractions(InMemoryCrmStore store) {
        super(store, "Interaction");
    }

    @Override
    void checkKeys(Interaction next, @Nullable Interaction current) {
        if (next.externalRef() != null) {
            InteractionId holder = byRef.get(next.externalRef());
            if (holder != null && !holder.equals(next.id())) {
                throw new DuplicateKeyException(typeName(), "externalRef");
            }
        }
    }

    @Override
    void index(Interaction i) {
        TimeKey key = new TimeKey(i.occurredAt(), i.id());
        timelines.computeIfAbsent(i.customerId(), c -> new TreeSet<>(ASCENDING)).add(key);
        byTime.add(key);
        if (i.externalRef() != null) {
            byRef.put(i.externalRef(), i.id());
        }
    }

    @Override
    void unindex(Interaction i) {
        TimeKey key = new TimeKey(i.occurredAt(), i.id());
        TreeSet<TimeKey> timeline = timelines.get(i.customerId());
        if (timeline != null) {
            timeline.remove(key);
            if (timeline.isEmpty()) {
                timelines.remove(i.customerId());
            }
        }
        byTime.remove(key);
        if (i.externalRef() != null) {
            byRef.remove(i.externalRef(), i.id());
        }
    }

    @Override
    public Optional<Interaction> findByExternalRef(ExternalRef ref) {
        Check.notNull(ref, "ref");
        return store.read(() -> Optional.ofNullable(byRef.get(ref)).map(rows::get));
    }

    @Override
    public Page<Interaction> timeline(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        TimelineCursor cursor = page.after() == null ? null : TimelineCursor.decode(page.after());
        return store.read(() -> {
            TreeSet<TimeKey> timeline = timelines.get(customerId);
            if (timeline == null) {
                return new Page<>(List.of(), null);
            }
            NavigableSet<TimeKey> newestFirst = cursor == null ? timeline.descendingSet()
                    : timeline.headSet(new TimeKey(cursor.occurredAt(), cursor.id()), false).descendingSet();
            List<Interaction> fetched = new ArrayList<>(page.size() + 1);
            for (TimeKey key : newestFirst) {
                fetched.add(rows.get(key.id()));
                if (fetched.size() > page.size()) {
                    break;
                }
            }
            return Page.of(fetched, page.size(), i -> TimelineCursor.of(i).encode());
        });
    }

    @Override
    public long countByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return store.read(() -> {
            TreeSet<TimeKey> timeline = timelines.get(customerId);
            return timeline == null ? 0L : timeline.size();
        });
    }

    @Override
    public Stream<Interaction> stream(Instant from, Instant to) {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        if (!to.isAfter(from)) {
            return Stream.empty();
        }
        return Pages.stream(request -> {
            TimelineCursor after = request.after() == null ? null : TimelineCursor.decode(request.after());
            return store.read(() -> {
                TimeKey start = after == null ? null : new TimeKey(after.occurredAt(), after.id());
                NavigableSet<TimeKey> range = start == null
                        ? byTime.subSet(new TimeKey(from, LOWEST), true, new TimeKey(to, LOWEST), false)
                        : byTime.subSet(start, false, new TimeKey(to, LOWEST), false);
                List<Interaction> fetched = new ArrayList<>(request.size() + 1);
                for (TimeKey key : range) {
                    fetched.add(rows.get(key.id()));
                    if (fetched.size() > request.size()) {
                        break;
                    }
                }
                return Page.of(fetched, request.size(), i -> TimelineCursor.of(i).encode());
            });
        }, 1_000);
    }
}
