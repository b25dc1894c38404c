package io.crmkit.core.memory;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.spi.AuditCursor;
import io.crmkit.core.spi.AuditRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The audit trail in memory, indexed by chain, customer and actor. */
final class MemoryAudit implements AuditRepository {
    /** Newest first: {@code at} then id, descending. */
    static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed();

    private final InMemoryCrmStore store;
    private final TreeMap<String, List<AuditEntry>> chains = new TreeMap<>();
    private final Map<CustomerId, TreeSet<AuditEntry>> byCustomer = new HashMap<>();
    private final Map<String, TreeSet<AuditEntry>> byActor = new HashMap<>();

    MemoryAudit(InMemoryCrmStore store) {
        this.store = store;
    }

    private static String chainKey(String type, String id) {
        // '\u0001' sorts below every id character, so chains come out in (type, id) order.
        return type + '\u0001' + id;
    }

    @Override
    public void append(AuditEntry entry) {
        Check.notNull(entry, "entry");
        store.write(() -> {
            List<AuditEntry> chain = chains.computeIfAbsent(chainKey(entry.streamType(), entry.streamId()), k -> new ArrayList<>());
            long expected = chain.isEmpty() ? 1 : chain.get(chain.size() - 1).seq() + 1;
            if (entry.seq() != expected) {
                throw new ConflictException(entry.streamType(), entry.streamId(), entry.seq() - 1);
            }
            chain.add(entry);
            if (entry.customerId() != null) {
                byCustomer.computeIfAbsent(entry.customerId(), c -> new TreeSet<>(NEWEST_FIRST)).add(entry);
            }
            byActor.computeIfAbsent(entry.actorId(), a -> new TreeSet<>(NEWEST_FIRST)).add(entry);
            return () -> {
                chain.remove(chain.size() - 1);
                if (entry.customerId() != null) {
                    byCustomer.get(entry.customerId()).remove(entry);
                }
                byActor.get(entry.actorId()).remove(entry);
            };
        });
    }

    @Override
    public Optional<AuditEntry> last(String streamType, String streamId) {
        Check.notNull(streamType, "streamType");
        Check.notNull(streamId, "streamId");
        return store.read(() -> {
            List<AuditEntry> chain = chains.get(chainKey(streamType, streamId));
            return chain == null || chain.isEmpty() ? Optional.<AuditEntry>empty() : Optional.of(chain.get(chain.size() - 1));
        });
    }

    @Override
    public Page<AuditEntry> byCustomer(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        return pageOf(() -> byCustomer.get(customerId), page);
    }

    @Override
    public Page<AuditEntry> byActor(String actorId, PageRequest page) {
        Check.notNull(actorId, "actorId");
        Check.notNull(page, "page");
        return pageOf(() -> byActor.get(actorId), page);
    }

    private Page<AuditEntry> pageOf(java.util.function.Supplier<@Nullable TreeSet<AuditEntry>> index, PageRequest page) {
        AuditCursor after = page.after() == null ? null : AuditCursor.decode(page.after());
        return store.read(() -> {
            TreeSet<AuditEntry> set = index.get();
            if (set == null) {
                return new Page<AuditEntry>(List.of(), null);
            }
            List<AuditEntry> fetched = new ArrayList<>(page.size() + 1);
            for (AuditEntry e : set) {
                if (after == null || after.isBefore(e)) {
                    fetched.add(e);
                    if (fetched.size() > page.size()) {
                        break;
                    }
                }
            }
            return Page.of(fetched, page.size(), e -> AuditCursor.of(e).encode());
        });
    }

    @Override
    public Stream<AuditEntry> stream() {
        List<AuditEntry> copy = store.read(() -> {
            List<AuditEntry> all = new ArrayList<>();
            chains.values().forEach(all::addAll);
            return all;
        });
        return copy.stream();
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Check.notNull(cutoff, "cutoff");
        long[] removed = {0};
        store.write(() -> {
            Map<String, List<AuditEntry>> before = new HashMap<>();
            chains.forEach((k, chain) -> {
                List<AuditEntry> gone = chain.stream().filter(e -> e.at().isBefore(cutoff)).toList();
                if (!gone.isEmpty()) {
                    before.put(k, List.copyOf(chain));
                    chain.removeAll(gone);
                    gone.forEach(this::unindex);
                    removed[0] += gone.size();
                }
            });
            return () -> before.forEach((k, chain) -> {
                List<AuditEntry> current = chains.get(k);
                current.stream().filter(e -> !chain.contains(e)).forEach(this::unindex);
                current.clear();
                current.addAll(chain);
                chain.forEach(this::index);
            });
        });
        return removed[0];
    }

    @Override
    public void redact(AuditEntry replacement) {
        Check.notNull(replacement, "entry");
        if (store.currentTx() == null) {
            // outside a transaction the answer comes at once; inside, the entry may be one the transaction appended
            store.read(() -> stored(replacement));
        }
        store.write(() -> {
            AuditEntry old = stored(replacement);
            List<AuditEntry> chain = chains.get(chainKey(old.streamType(), old.streamId()));
            int at = chain.indexOf(old);
            chain.set(at, replacement);
            unindex(old);
            index(replacement);
            return () -> {
                List<AuditEntry> current = chains.get(chainKey(old.streamType(), old.streamId()));
                int i = current.indexOf(replacement);
                if (i >= 0) {
                    current.set(i, old);
                    unindex(replacement);
                    index(old);
                }
            };
        });
    }

    /** The stored entry {@code replacement} may replace; called under a lock. */
    private AuditEntry stored(AuditEntry replacement) {
        List<AuditEntry> chain = chains.get(chainKey(replacement.streamType(), replacement.streamId()));
        AuditEntry old = chain == null ? null : chain.stream().filter(e -> e.id().equals(replacement.id())).findFirst().orElse(null);
        if (old == null) {
            throw new io.crmkit.core.error.NotFoundException("AuditEntry", replacement.id());
        }
        if (!AuditRepository.sameIdentity(old, replacement)) {
            throw io.crmkit.core.error.ValidationException.of("entry", "SameEntry",
                    "a redaction may change values only, not the entry's identity, time, actor or hashes");
        }
        return old;
    }

    private void index(AuditEntry e) {
        if (e.customerId() != null) {
            byCustomer.computeIfAbsent(e.customerId(), c -> new TreeSet<>(NEWEST_FIRST)).add(e);
        }
        byActor.computeIfAbsent(e.actorId(), a -> new TreeSet<>(NEWEST_FIRST)).add(e);
    }

    private void unindex(AuditEntry e) {
        if (e.customerId() != null) {
            NavigableSet<AuditEntry> set = byCustomer.get(e.customerId());
            if (set != null) {
                set.remove(e);
            }
        }
        NavigableSet<AuditEntry> set = byActor.get(e.actorId());
        if (set != null) {
            set.remove(e);
        }
    }
}
