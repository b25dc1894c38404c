package io.crmkit.core.memory;

import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.PendingRequestRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Pending requests indexed by pending key, customer and status. */
final class MemoryPendingRequests extends MemoryTable<PendingRequest, PendingRequestId> implements PendingRequestRepository {
    private final Map<String, PendingRequestId> byPendingKey = new HashMap<>();
    private final Map<CustomerId, TreeSet<PendingRequestId>> byCustomer = new HashMap<>();
    private final TreeSet<PendingRequestId> pending = new TreeSet<>();

    MemoryPendingRequests(InMemoryCrmStore store) {
        super(store, "PendingRequest");
    }

    @Override
    List<String> naturalKeys(PendingRequest row) {
        return row.status() == RequestStatus.PENDING ? List.of(row.pendingKey()) : List.of();
    }

    @Override
    @Nullable PendingRequestId committedHolder(String key) {
        return byPendingKey.get(key);
    }

    @Override
    String keyName() {
        return "pending";
    }

    @Override
    void index(PendingRequest r) {
        if (r.status() == RequestStatus.PENDING) {
            byPendingKey.put(r.pendingKey(), r.id());
            pending.add(r.id());
        }
        add(byCustomer, r.customerId(), r.id());
    }

    @Override
    void unindex(PendingRequest r) {
        byPendingKey.remove(r.pendingKey(), r.id());
        pending.remove(r.id());
        remove(byCustomer, r.customerId(), r.id());
    }

    @Override
    public Optional<PendingRequest> findPending(String pendingKey) {
        Check.notNull(pendingKey, "pendingKey");
        PendingRequestId holder = holderSeen(pendingKey);
        return holder == null ? Optional.empty() : findById(holder).filter(r -> r.status() == RequestStatus.PENDING);
    }

    @Override
    public List<PendingRequest> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get).toList()),
                r -> customerId.equals(r.customerId()));
    }

    @Override
    public Page<PendingRequest> findAllPending(PageRequest page) {
        Check.notNull(page, "page");
        PendingRequestId after = idCursor(page.after(), PendingRequestId::of);
        return store.read(() -> {
            NavigableSet<PendingRequestId> range = after == null ? pending : pending.tailSet(after, false);
            List<PendingRequest> fetched = new ArrayList<>(page.size() + 1);
            for (PendingRequestId id : range) {
                fetched.add(rows.get(id));
                if (fetched.size() > page.size()) {
                    break;
                }
            }
            return Page.of(fetched, page.size(), r -> r.id().value());
        });
    }
}
