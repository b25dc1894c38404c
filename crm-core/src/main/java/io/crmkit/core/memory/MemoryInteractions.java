package io.crmkit.core.memory;

import io.crmkit.core.customer.CustomerId;
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
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
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

    private final Map<String, InteractionId> byRef = new HashMap<>();
    // The indexes hold the rows themselves, so a page is read without a lookup per item.
    private final Map<CustomerId, Timeline> timelines = new HashMap<>();
    private final TreeMap<TimeKey, Interaction> byTime = new TreeMap<>(ASCENDING);

    MemoryInteractions(InMemoryCrmStore store) {
        super(store, "Interaction");
    }

    private static String refKey(ExternalRef ref) {
        return ref.system() + "\u0000" + ref.id();
    }

    @Override
    List<String> naturalKeys(Interaction row) {
        return row.externalRef() == null ? List.of() : List.of(refKey(row.externalRef()));
    }

    @Override
    @Nullable InteractionId committedHolder(String key) {
        return byRef.get(key);
    }

    @Override
    String keyName() {
        return "externalRef";
    }

    @Override
    void index(Interaction i) {
        TimeKey key = new TimeKey(i.occurredAt(), i.id());
        timelines.computeIfAbsent(i.customerId(), c -> new Timeline()).add(i);
        byTime.put(key, i);
        if (i.externalRef() != null) {
            byRef.put(refKey(i.externalRef()), i.id());
        }
    }

    @Override
    void unindex(Interaction i) {
        TimeKey key = new TimeKey(i.occurredAt(), i.id());
        Timeline timeline = timelines.get(i.customerId());
        if (timeline != null) {
            timeline.remove(i);
            if (timeline.isEmpty()) {
                timelines.remove(i.customerId());
            }
        }
        byTime.remove(key);
        if (i.externalRef() != null) {
            byRef.remove(refKey(i.externalRef()), i.id());
        }
    }

    @Override
    public Optional<Interaction> findByExternalRef(ExternalRef ref) {
        Check.notNull(ref, "ref");
        InteractionId holder = holderSeen(refKey(ref));
        return holder == null ? Optional.empty() : findById(holder);
    }

    @Override
    public Page<Interaction> timeline(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        TimelineCursor cursor = page.after() == null ? null : TimelineCursor.decode(page.after());
        return store.read(() -> {
            Timeline timeline = timelines.get(customerId);
            if (timeline == null) {
                return new Page<>(List.of(), null);
            }
            List<Interaction> fetched = cursor == null ? timeline.newestFirst(null, null, page.size() + 1)
                    : timeline.newestFirst(cursor.occurredAt(), cursor.id(), page.size() + 1);
            return Page.of(fetched, page.size(), i -> TimelineCursor.of(i).encode());
        });
    }

    @Override
    public long countByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return store.read(() -> {
            Timeline timeline = timelines.get(customerId);
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
                NavigableMap<TimeKey, Interaction> range = start == null
                        ? byTime.subMap(new TimeKey(from, LOWEST), true, new TimeKey(to, LOWEST), false)
                        : byTime.subMap(start, false, new TimeKey(to, LOWEST), false);
                List<Interaction> fetched = new ArrayList<>(request.size() + 1);
                for (Interaction row : range.values()) {
                    fetched.add(row);
                    if (fetched.size() > request.size()) {
                        break;
                    }
                }
                return Page.of(fetched, request.size(), i -> TimelineCursor.of(i).encode());
            });
        }, 1_000);
    }
}
