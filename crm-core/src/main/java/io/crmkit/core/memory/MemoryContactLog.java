package io.crmkit.core.memory;

import io.crmkit.core.check.Check;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ConsentRepository;
import io.crmkit.core.spi.ContactLogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The contact log with each customer's entries ordered by time, then id. */
final class MemoryContactLog extends MemoryTable<ContactAttempt, ContactAttemptId> implements ContactLogRepository {
    private record TimeKey(Instant at, ContactAttemptId id) {}

    private static final Comparator<TimeKey> BY_TIME = Comparator.comparing(TimeKey::at).thenComparing(TimeKey::id);
    private static final Comparator<ContactAttempt> ENTRY_ORDER = Comparator.comparing(ContactAttempt::at)
            .thenComparing(ContactAttempt::id);
    /** The smallest id there can be ('-' is the lowest character ids allow): a bound for time ranges. */
    private static final ContactAttemptId LOWEST = ContactAttemptId.of("-");

    private final Map<CustomerId, TreeMap<TimeKey, ContactAttempt>> byCustomer = new HashMap<>();

    MemoryContactLog(InMemoryCrmStore store) {
        super(store, "ContactAttempt");
    }

    @Override
    void index(ContactAttempt a) {
        byCustomer.computeIfAbsent(a.customerId(), c -> new TreeMap<>(BY_TIME)).put(new TimeKey(a.at(), a.id()), a);
    }

    @Override
    void unindex(ContactAttempt a) {
        TreeMap<TimeKey, ContactAttempt> log = byCustomer.get(a.customerId());
        if (log != null) {
            log.remove(new TimeKey(a.at(), a.id()));
            if (log.isEmpty()) {
                byCustomer.remove(a.customerId());
            }
        }
    }

    @Override
    public List<ContactAttempt> findByCustomer(CustomerId customerId, Instant from, Instant to) {
        Check.notNull(customerId, "customerId");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.that(to.isAfter(from), "to", "AfterFrom", "must be after from");
        List<ContactAttempt> committed = store.read(() -> {
            TreeMap<TimeKey, ContactAttempt> log = byCustomer.get(customerId);
            return log == null ? List.<ContactAttempt>of()
                    : new ArrayList<>(log.subMap(new TimeKey(from, LOWEST), true, new TimeKey(to, LOWEST), false).values());
        });
        // inside a transaction: its own entries, updates and deletions over the committed ones
        return seen(n -> committed.size() <= n ? committed : committed.subList(0, n), MAX_ENTRIES,
                a -> a.customerId().equals(customerId) && !a.at().isBefore(from) && a.at().isBefore(to), ENTRY_ORDER);
    }

    @Override
    public List<ContactAttempt> findCarriedOut(Collection<CustomerId> customerIds, Instant from) {
        Check.notNull(customerIds, "customerIds");
        Check.notNull(from, "from");
        Check.that(customerIds.size() <= ConsentRepository.MAX_BATCH, "customerIds", "Size",
                "must have at most " + ConsentRepository.MAX_BATCH + " entries");
        List<CustomerId> sorted = ascending(customerIds);
        return store.read(() -> {
            List<ContactAttempt> out = new ArrayList<>();
            for (CustomerId c : sorted) {
                TreeMap<TimeKey, ContactAttempt> log = byCustomer.get(c);
                if (log != null) {
                    log.tailMap(new TimeKey(from, LOWEST), true).values().stream().filter(ContactAttempt::carriedOut)
                            .limit(MAX_ENTRIES).forEach(out::add);
                }
            }
            return out;
        });
    }
}
