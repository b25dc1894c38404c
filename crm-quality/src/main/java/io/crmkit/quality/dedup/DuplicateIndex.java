package io.crmkit.quality.dedup;

import io.crmkit.core.CrmSession;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Inline duplicate checking: an index of the blocking keys of known records (for example every
 * customer an actor can see), asked for the candidates of one new record before it is registered.
 * It compares the new record only with the records sharing one of its blocking keys, skipping keys
 * held by more than the finder's maximum block size, and scores them as the batch run does.
 *
 * <pre>{@code
 * DuplicateIndex index = DuplicateIndex.ofCustomers(finder, crm.as(actor));
 * List<CandidatePair> same = index.candidates(newCustomer);   // before customers().register(newCustomer)
 * }</pre>
 *
 * <p>Thread-safe: {@link #add} and {@link #candidates} may be called from several threads.
 */
public final class DuplicateIndex {
    /** The key a {@link NewCustomer} checked inline gets in its candidate pairs. */
    public static final String NEW_RECORD_KEY = "(new)";
    private final DuplicateFinder finder;
    private final Map<Long, List<MatchFeatures>> blocks = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private DuplicateIndex(DuplicateFinder finder) {
        this.finder = finder;
    }

    /** An index of {@code records}. */
    public static DuplicateIndex of(DuplicateFinder finder, List<MatchRecord> records) {
        Check.notNull(finder, "finder");
        Check.notNull(records, "records");
        DuplicateIndex index = new DuplicateIndex(finder);
        records.forEach(index::add);
        return index;
    }

    /** An index of every customer the session's actor may see, read page by page. */
    public static DuplicateIndex ofCustomers(DuplicateFinder finder, CrmSession session) {
        Check.notNull(finder, "finder");
        Check.notNull(session, "session");
        DuplicateIndex index = new DuplicateIndex(finder);
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<Customer> p = session.customers().list(CustomerQuery.all(), page);
            p.items().forEach(c -> index.add(MatchRecord.of(c)));
            if (!p.hasNext()) {
                return index;
            }
            page = page.next(p);
        }
    }

    /** Adds a record (a customer just registered, say). */
    public void add(MatchRecord record) {
        MatchFeatures f = finder.features(Check.notNull(record, "record"));
        lock.writeLock().lock();
        try {
            for (long h : f.keys) {
                blocks.computeIfAbsent(h, k -> new ArrayList<>(2)).add(f);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The known records that may be {@code record}, best score first. */
    public List<CandidatePair> candidates(MatchRecord record) {
        MatchFeatures f = finder.features(Check.notNull(record, "record"));
        Set<MatchFeatures> others = new LinkedHashSet<>();
        lock.readLock().lock();
        try {
            for (long h : f.keys) {
                List<MatchFeatures> b = blocks.get(h);
                if (b != null && b.size() < finder.maxBlockSize()) {
                    others.addAll(b);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<CandidatePair> out = new ArrayList<>();
        for (MatchFeatures o : others) {
            if (!o.key.equals(f.key)) {
                CandidatePair c = finder.score(f, o);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparingDouble(CandidatePair::score).reversed().thenComparing(CandidatePair::left)
                .thenComparing(CandidatePair::right));
        return out;
    }

    /** The candidates of a customer about to be registered (keyed {@value #NEW_RECORD_KEY}). */
    public List<CandidatePair> candidates(NewCustomer customer) {
        Check.notNull(customer, "customer");
        return candidates(new MatchRecord(NEW_RECORD_KEY, customer.legalName(), customer.localName(), customer.birthDate(),
                customer.contactPoints().stream().filter(c -> c.type() == io.crmkit.core.customer.ContactPointType.PHONE)
                        .map(c -> c.value()).toList(),
                customer.contactPoints().stream().filter(c -> c.type() == io.crmkit.core.customer.ContactPointType.EMAIL)
                        .map(c -> c.value()).toList(),
                customer.identifiers(), customer.profile().city()));
    }
}
