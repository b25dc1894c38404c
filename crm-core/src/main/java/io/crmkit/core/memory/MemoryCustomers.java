package io.crmkit.core.memory;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.check.Check;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.DataScope;
import io.crmkit.core.spi.IdentifierBatch;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Pages;
import io.crmkit.core.customer.TierCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Customers with indexes on id order, identifiers, owner, branch, lifecycle, tier and tags. */
final class MemoryCustomers extends MemoryTable<Customer, CustomerId> implements CustomerRepository {
    /**
     * Every customer in id order, with its owner and branch as small numbers (-1 for none): a page
     * walks these rows without a lookup per id, and tests a scope on the numbers without touching
     * the customer.
     */
    private final IdOrderedRows byId = new IdOrderedRows();
    private final Map<StaffId, Integer> ownerNumbers = new HashMap<>();
    private final Map<OrgUnitId, Integer> unitNumbers = new HashMap<>();
    private final Map<String, CustomerId> byIdentifier = new HashMap<>();
    private final Map<StaffId, TreeSet<CustomerId>> byOwner = new HashMap<>();
    private final Map<OrgUnitId, TreeSet<CustomerId>> byBranch = new HashMap<>();
    private final Map<LifecycleStage, TreeSet<CustomerId>> byLifecycle = new EnumMap<>(LifecycleStage.class);
    private final Map<TierCode, TreeSet<CustomerId>> byTier = new HashMap<>();
    private final Map<String, TreeSet<CustomerId>> byTag = new HashMap<>();

    MemoryCustomers(InMemoryCrmStore store) {
        super(store, "Customer");
    }

    @Override
    List<String> naturalKeys(Customer row) {
        return row.identifiers().stream().map(Identifier::naturalKey).toList();
    }

    @Override
    @Nullable CustomerId committedHolder(String key) {
        return byIdentifier.get(key);
    }

    @Override
    String keyName() {
        return "identifier";
    }

    @Override
    void index(Customer c) {
        byId.put(c, number(ownerNumbers, c.owner()), number(unitNumbers, c.branch()));
        c.identifiers().forEach(i -> byIdentifier.put(i.naturalKey(), c.id()));
        add(byOwner, c.owner(), c.id());
        add(byBranch, c.branch(), c.id());
        add(byLifecycle, c.lifecycle(), c.id());
        add(byTier, c.tier(), c.id());
        c.tags().forEach(t -> add(byTag, t, c.id()));
    }

    @Override
    void unindex(Customer c) {
        byId.remove(c.id());
        c.identifiers().forEach(i -> byIdentifier.remove(i.naturalKey(), c.id()));
        remove(byOwner, c.owner(), c.id());
        remove(byBranch, c.branch(), c.id());
        remove(byLifecycle, c.lifecycle(), c.id());
        remove(byTier, c.tier(), c.id());
        c.tags().forEach(t -> remove(byTag, t, c.id()));
    }

    @Override
    public Optional<Customer> findByIdentifier(Identifier identifier) {
        Check.notNull(identifier, "identifier");
        CustomerId holder = holderSeen(identifier.naturalKey());
        return holder == null ? Optional.empty() : findById(holder);
    }

    @Override
    public Map<CustomerId, Customer> findByIds(java.util.Collection<CustomerId> ids) {
        return findAllById(io.crmkit.core.spi.Batch.ids(ids, "ids"));
    }

    /**
     * One read lock for the committed part of the batch; keys the running transaction has touched
     * are answered from its own writes first, exactly as {@link #findByIdentifier} does.
     */
    @Override
    public Map<Identifier, Customer> findByIdentifiers(java.util.Collection<Identifier> identifiers) {
        List<Identifier> keys = IdentifierBatch.check(identifiers);
        MemoryTx tx = store.currentTx();
        Map<Identifier, CustomerId> holders = new java.util.LinkedHashMap<>();
        List<Identifier> committed = new ArrayList<>();
        for (Identifier i : keys) {
            Optional<Object> own = tx == null ? null : tx.keyHolder(this, i.naturalKey());
            if (own == null) {
                committed.add(i);
                holders.put(i, null);
            } else {
                own.ifPresent(id -> holders.put(i, (CustomerId) id));
            }
        }
        store.read(() -> {
            for (Identifier i : committed) {
                CustomerId id = byIdentifier.get(i.naturalKey());
                if (id == null) {
                    holders.remove(i);
                } else {
                    holders.put(i, id);
                }
            }
            return null;
        });
        Map<Identifier, Customer> found = new java.util.LinkedHashMap<>();
        holders.forEach((i, id) -> findById(id).ifPresent(c -> found.put(i, c)));
        return found;
    }

    @Override
    public Page<Customer> find(CustomerQuery query, PageRequest page) {
        Check.notNull(query, "query");
        Check.notNull(page, "page");
        CustomerId after = idCursor(page.after(), CustomerId::of);
        return store.read(() -> {
            List<Customer> fetched = new ArrayList<>(page.size() + 1);
            NavigableSet<CustomerId> candidates = candidates(query);
            Iterable<CustomerId> merged = merged(query.scope(), candidates, after);
            if (merged == null && candidates == null) {
                // the whole book in id order: the scope is tested on the row's numbers first
                // (the numbers decide the scope exactly, so the rest of the query is tested without it)
                ScopeTest scope = ScopeTest.of(query.scope(), ownerNumbers, unitNumbers);
                CustomerQuery rest = unscoped(query);
                byId.walk(after, (owner, unit, c) -> scope.admits(owner, unit) && rest.matches(c) && add(fetched, c, page));
            } else {
                for (CustomerId id : merged != null ? merged : tail(candidates, after)) {
                    Customer c = rows.get(id);
                    if (query.matches(c) && add(fetched, c, page)) {
                        break;
                    }
                }
            }
            return Page.of(fetched, page.size(), c -> c.id().value());
        });
    }

    /** The query without its scope, for rows whose scope {@link ScopeTest} has decided. */
    private static CustomerQuery unscoped(CustomerQuery q) {
        return q.scope() == null ? q : new CustomerQuery(q.owner(), q.branch(), q.lifecycle(), q.tier(), q.tag(), null);
    }

    /** Adds a match; true once the page and one more (telling whether more follow) are in. */
    private static boolean add(List<Customer> fetched, Customer c, PageRequest page) {
        fetched.add(c);
        return fetched.size() > page.size();
    }

    private static <K> int number(Map<K, Integer> numbers, @Nullable K key) {
        return key == null ? -1 : numbers.computeIfAbsent(key, k -> numbers.size());
    }

    /** A data scope as flags over owner and unit numbers. Not thread-safe: one per page read. */
    private record ScopeTest(boolean @Nullable [] owners, boolean @Nullable [] units) {
        static ScopeTest of(@Nullable DataScope scope, Map<StaffId, Integer> ownerNumbers,
                Map<OrgUnitId, Integer> unitNumbers) {
            if (scope == null || scope.all()) {
                return new ScopeTest(null, null);
            }
            boolean[] owners = new boolean[ownerNumbers.size()];
            scope.owners().forEach(o -> mark(owners, ownerNumbers.get(o)));
            boolean[] units = new boolean[unitNumbers.size()];
            scope.units().forEach(u -> mark(units, unitNumbers.get(u)));
            return new ScopeTest(owners, units);
        }

        private static void mark(boolean[] flags, @Nullable Integer n) {
            if (n != null) {
                flags[n] = true;
            }
        }

        /** Whether the scope includes a row with these numbers: exactly {@link DataScope#includes}. */
        boolean admits(int owner, int unit) {
            return owners == null || (owner >= 0 && owners[owner]) || (unit >= 0 && units[unit]);
        }
    }

    /**
     * The candidate ids after {@code after} in id order: the smallest index set every match must be
     * in, or — for a scoped query whose scope is a small share of it — a lazy merge of the scope's
     * owner and unit index sets, so a branch's page reads about a page of rows, not the whole book.
     */
    private @Nullable Iterable<CustomerId> ids(CustomerQuery query, @Nullable CustomerId after) {
        NavigableSet<CustomerId> candidates = candidates(query);
        Iterable<CustomerId> merged = merged(query.scope(), candidates, after);
        return merged != null ? merged : candidates == null ? null : tail(candidates, after);
    }

    private static NavigableSet<CustomerId> tail(NavigableSet<CustomerId> ids, @Nullable CustomerId after) {
        return after == null ? ids : ids.tailSet(after, false);
    }

    /** The merge of the scope's index sets after {@code after}, or null when walking the candidates is cheaper. */
    private @Nullable Iterable<CustomerId> merged(@Nullable DataScope scope, @Nullable NavigableSet<CustomerId> candidates,
            @Nullable CustomerId after) {
        if (scope == null || scope.all()) {
            return null;
        }
        List<NavigableSet<CustomerId>> parts = new ArrayList<>();
        long size = 0;
        for (StaffId o : scope.owners()) {
            TreeSet<CustomerId> set = byOwner.get(o);
            if (set != null) {
                parts.add(set);
                size += set.size();
            }
        }
        for (OrgUnitId u : scope.units()) {
            TreeSet<CustomerId> set = byBranch.get(u);
            if (set != null) {
                parts.add(set);
                size += set.size();
            }
        }
        // A scope holding a large share of the candidates is cheaper to find by walking the
        // candidates in id order and testing each (query.matches checks the scope): about
        // page / share rows. A small share is cheaper merged from its own index sets, which
        // costs a heap step per id of each set instead. The shift is where a merge step over
        // many sets costs about as much as testing the rows a scan would skip.
        long all = candidates == null ? byId.size() : candidates.size();
        if ((parts.size() > 1 && size * SCAN_SHARE >= all) || size >= all) {
            return null;
        }
        List<NavigableSet<CustomerId>> tails = new ArrayList<>(parts.size());
        for (NavigableSet<CustomerId> p : parts) {
            tails.add(tail(p, after));
        }
        return () -> new MergedIds(tails);
    }

    /** A scope reaching at least 1 in this many candidates is scanned rather than merged. */
    private static final int SCAN_SHARE = 8;

    /** A k-way merge of sorted id sets, each id once. */
    private static final class MergedIds implements java.util.Iterator<CustomerId> {
        private final java.util.PriorityQueue<java.util.Map.Entry<CustomerId, java.util.Iterator<CustomerId>>> heads =
                new java.util.PriorityQueue<>(java.util.Map.Entry.comparingByKey());
        private @Nullable CustomerId last;

        MergedIds(List<NavigableSet<CustomerId>> sets) {
            for (NavigableSet<CustomerId> s : sets) {
                java.util.Iterator<CustomerId> it = s.iterator();
                if (it.hasNext()) {
                    heads.add(java.util.Map.entry(it.next(), it));
                }
            }
            skipRepeats();
        }

        private void skipRepeats() {
            while (!heads.isEmpty() && last != null && heads.peek().getKey().equals(last)) {
                advance();
            }
        }

        private CustomerId advance() {
            java.util.Map.Entry<CustomerId, java.util.Iterator<CustomerId>> head = heads.poll();
            if (head.getValue().hasNext()) {
                heads.add(java.util.Map.entry(head.getValue().next(), head.getValue()));
            }
            return head.getKey();
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public CustomerId next() {
            if (heads.isEmpty()) {
                throw new java.util.NoSuchElementException();
            }
            last = advance();
            skipRepeats();
            return last;
        }
    }

    /** The smallest index set that every match must be in, or null for the whole book. */
    private @Nullable NavigableSet<CustomerId> candidates(CustomerQuery q) {
        NavigableSet<CustomerId> best = null;
        best = smaller(best, q.owner() == null ? null : byOwner.getOrDefault(q.owner(), new TreeSet<>()));
        best = smaller(best, q.branch() == null ? null : byBranch.getOrDefault(q.branch(), new TreeSet<>()));
        best = smaller(best, q.lifecycle() == null ? null : byLifecycle.getOrDefault(q.lifecycle(), new TreeSet<>()));
        best = smaller(best, q.tier() == null ? null : byTier.getOrDefault(q.tier(), new TreeSet<>()));
        best = smaller(best, q.tag() == null ? null : byTag.getOrDefault(q.tag(), new TreeSet<>()));
        return best;
    }

    private static @Nullable NavigableSet<CustomerId> smaller(@Nullable NavigableSet<CustomerId> a,
            @Nullable NavigableSet<CustomerId> b) {
        return b != null && (a == null || b.size() < a.size()) ? b : a;
    }

    @Override
    public long count(CustomerQuery query) {
        Check.notNull(query, "query");
        return store.read(() -> {
            Iterable<CustomerId> ids = ids(query, null);
            long[] n = {0};
            if (ids == null) {
                ScopeTest scope = ScopeTest.of(query.scope(), ownerNumbers, unitNumbers);
                CustomerQuery rest = unscoped(query);
                byId.walk(null, (owner, unit, c) -> {
                    if (scope.admits(owner, unit) && rest.matches(c)) {
                        n[0]++;
                    }
                    return false;
                });
            } else {
                for (CustomerId id : ids) {
                    if (query.matches(rows.get(id))) {
                        n[0]++;
                    }
                }
            }
            return n[0];
        });
    }

    @Override
    public Stream<Customer> stream(CustomerQuery query) {
        Check.notNull(query, "query");
        return Pages.stream(p -> find(query, p), 1_000);
    }
}
