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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail in memory, indexed by chain, customer and actor. The chains are hashed (sorted
 * only when the whole trail is streamed); the customer and actor indexes are lists in time order,
 * to which an entry is nearly always appended at the end.
 */
final class MemoryAudit implements AuditRepository {
    /** Oldest first: {@code at} then id, ascending; pages read the indexes backwards. */
    static final Comparator<AuditEntry> OLDEST_FIRST = Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id);

    private final InMemoryCrmStore store;
    private final Map<String, List<AuditEntry>> chains = new HashMap<>();
    private final Map<CustomerId, Index> byCustomer = new HashMap<>();
    private final Map<String, Index> byActor = new HashMap<>();

    MemoryAudit(InMemoryCrmStore store) {
        this.store = store;
    }

    private static String chainKey(String type, String id) {
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
            index(entry);
            return () -> {
                chain.remove(chain.size() - 1);
                unindex(entry);
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

    private Page<AuditEntry> pageOf(java.util.function.Supplier<@Nullable Index> index, PageRequest page) {
        AuditCursor after = page.after() == null ? null : AuditCursor.decode(page.after());
        return store.read(() -> {
            Index entries = index.get();
            if (entries == null) {
                return new Page<AuditEntry>(List.of(), null);
            }
            return Page.of(entries.newestFirst(after, page.size() + 1), page.size(), e -> AuditCursor.of(e).encode());
        });
    }

    @Override
    public Stream<AuditEntry> stream() {
        List<AuditEntry> copy = store.read(() -> {
            List<String> keys = new ArrayList<>(chains.keySet());
            // '\u0001' sorts below every id character, so the keys sort in (type, id) order
            keys.sort(null);
            List<AuditEntry> all = new ArrayList<>();
            keys.forEach(k -> all.addAll(chains.get(k)));
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
            byCustomer.computeIfAbsent(e.customerId(), c -> new Index()).add(e);
        }
        byActor.computeIfAbsent(e.actorId(), a -> new Index()).add(e);
    }

    private void unindex(AuditEntry e) {
        if (e.customerId() != null) {
            Index entries = byCustomer.get(e.customerId());
            if (entries != null) {
                entries.remove(e);
            }
        }
        Index entries = byActor.get(e.actorId());
        if (entries != null) {
            entries.remove(e);
        }
    }

    /**
     * Entries in {@link #OLDEST_FIRST} order, one per (time, id). Entries come in time order, so an
     * add is an append and the undo of the last add a removal at the end; anything else (a clock
     * that went back, a redaction, a purge) is a binary search. Called under the store's lock.
     */
    static final class Index {
        private final ArrayList<AuditEntry> entries = new ArrayList<>(4);

        void add(AuditEntry e) {
            int n = entries.size();
            if (n == 0 || OLDEST_FIRST.compare(entries.get(n - 1), e) < 0) {
                entries.add(e);
                return;
            }
            int at = Collections.binarySearch(entries, e, OLDEST_FIRST);
            if (at < 0) {
                entries.add(-at - 1, e);
            }
        }

        void remove(AuditEntry e) {
            int n = entries.size();
            if (n > 0 && OLDEST_FIRST.compare(entries.get(n - 1), e) == 0) {
                entries.remove(n - 1);
                return;
            }
            int at = Collections.binarySearch(entries, e, OLDEST_FIRST);
            if (at >= 0) {
                entries.remove(at);
            }
        }

        /** Up to {@code max} entries newest first, starting after {@code cursor} (from the newest when null). */
        List<AuditEntry> newestFirst(@Nullable AuditCursor cursor, int max) {
            int from = entries.size() - 1;
            if (cursor != null) {
                // the first entry at or after the cursor's position; the page starts just below it
                int lo = 0;
                int hi = entries.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cursor.isBefore(entries.get(mid))) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                from = lo - 1;
            }
            List<AuditEntry> out = new ArrayList<>(Math.min(max, from + 1));
            for (int i = from; i >= 0 && out.size() < max; i--) {
                out.add(entries.get(i));
            }
            return out;
        }
    }
}
