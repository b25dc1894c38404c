package io.crmkit.tck.faulty;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.Holding;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.money.Money;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Task;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Defects in what comes back: precision, scale, cursors, stream chunks, stream resources, versions, snapshots. */
final class DataDefects {
    private DataDefects() {}

    static List<Defect> all() {
        return List.of(
                Defect.of("interaction-time-in-milliseconds", "interaction times are stored in a millisecond column",
                        "DataFidelity", () -> Faulty.store().interactions("save", (a, o) -> {
                            a[0] = millis((Interaction) a[0]);
                            return o.proceed();
                        }).build()),
                Defect.of("task-due-in-milliseconds", "task due times are stored in a millisecond column",
                        "DataFidelity, Tasks", () -> Faulty.store().tasks("save", (a, o) -> {
                            Task t = (Task) a[0];
                            a[0] = t.withDue(t.dueAt() == null ? null : t.dueAt().truncatedTo(ChronoUnit.MILLIS), t.remindAt());
                            return o.proceed();
                        }).build()),
                Defect.of("record-times-in-milliseconds", "created/updated times are stored in millisecond columns",
                        "DataFidelity, Customers", () -> Faulty.store().customers("save", (a, o) -> {
                            Customer c = (Customer) a[0];
                            Meta m = c.meta();
                            a[0] = c.withMeta(new Meta(m.version(), m.createdAt().truncatedTo(ChronoUnit.MILLIS), m.createdBy(),
                                    m.updatedAt().truncatedTo(ChronoUnit.MILLIS), m.updatedBy()));
                            return o.proceed();
                        }).build()),
                Defect.of("market-values-rounded-to-cents", "snapshot market values are stored as NUMERIC(19,2)",
                        "DataFidelity, Accounts", () -> Faulty.store().accounts("saveSnapshot", (a, o) -> {
                            AccountSnapshot s = (AccountSnapshot) a[0];
                            a[0] = new AccountSnapshot(s.accountId(), s.asOf(), s.cash(), s.holdings().stream()
                                    .map(h -> new Holding(h.instrument(), h.assetClass(), h.quantity(), cents(h.marketValue()))).toList());
                            return o.proceed();
                        }).build()),
                Defect.of("extension-decimals-rounded", "decimal extension fields are stored with 4 decimal places",
                        "DataFidelity", () -> Faulty.store().customers("save", (a, o) -> {
                            Customer c = (Customer) a[0];
                            Map<String, ExtensionValue> ext = new LinkedHashMap<>();
                            c.extensions().forEach((k, v) -> ext.put(k, v instanceof ExtensionValue.Decimal d
                                    ? ExtensionValue.decimal(d.value().setScale(4, RoundingMode.HALF_UP)) : v));
                            a[0] = c.withExtensions(ext);
                            return o.proceed();
                        }).build()),
                Defect.of("customer-cursor-skips-one", "the next cursor is the id of the extra row fetched to detect more, so each next page skips it",
                        "CustomerPaging", DataDefects::cursorSkipsOne),
                Defect.of("customer-cursor-inclusive", "the next page starts at the cursor's id inclusive, repeating the last row",
                        "CustomerPaging, DataFidelity", DataDefects::cursorInclusive),
                Defect.of("full-last-page-has-cursor", "a page that is full always carries a cursor, even when nothing follows",
                        "DataFidelity", () -> Faulty.store().customers("find", (a, o) -> {
                            @SuppressWarnings("unchecked")
                            Page<Customer> page = (Page<Customer>) o.proceed();
                            int size = ((PageRequest) a[1]).size();
                            return !page.hasNext() && page.items().size() == size
                                    ? new Page<>(page.items(), page.items().get(size - 1).id().value()) : page;
                        }).build()),
                Defect.of("customer-stream-drops-chunk-boundary", "the customer stream's next chunk starts one row too late",
                        "Streams", DataDefects::streamDropsBoundary),
                Defect.of("interaction-stream-repeats-chunk-boundary", "the interaction stream's next chunk starts at the last row again",
                        "Streams", () -> Faulty.store().interactions("stream", (a, o) -> repeatEvery((Stream<?>) o.proceed(), 1_000)).build()),
                Defect.of("account-stream-stops-after-one-chunk", "the account stream never fetches a second chunk",
                        "Streams", () -> Faulty.store().accounts("stream", (a, o) -> ((Stream<?>) o.proceed()).limit(1_000)).build()),
                Defect.of("stream-close-leaks-connection", "closing a stream early does not give its connection back to the pool",
                        "Streams", DataDefects::leakingStreams),
                Defect.of("reinsert-continues-version", "a re-inserted id continues the deleted row's version (a tombstone keeps it)",
                        "DataFidelity", DataDefects::reinsertContinuesVersion),
                Defect.of("snapshots-survive-account-delete", "an account's snapshots stay readable after the account is deleted",
                        "DataFidelity", DataDefects::snapshotsSurvive));
    }

    private static Interaction millis(Interaction i) {
        return new Interaction(i.id(), i.customerId(), i.channel(), i.direction(), i.occurredAt().truncatedTo(ChronoUnit.MILLIS),
                i.duration(), i.subject(), i.notes(), i.outcome(), i.participants(), i.contactId(), i.opportunityId(),
                i.externalRef(), i.meta());
    }

    private static Money cents(Money m) {
        return Money.of(m.amount().setScale(2, RoundingMode.HALF_UP), m.currency());
    }

    private static CrmStore cursorSkipsOne() {
        Faulty f = Faulty.store();
        return f.customers("find", (a, o) -> {
            PageRequest p = (PageRequest) a[1];
            Page<Customer> more = f.base.customers().find((CustomerQuery) a[0], new PageRequest(p.after(), Math.min(p.size() + 1, PageRequest.MAX_SIZE)));
            if (more.items().size() > p.size()) {
                return new Page<>(more.items().subList(0, p.size()), more.items().get(p.size()).id().value());
            }
            return new Page<>(more.items(), more.nextCursor());
        }).build();
    }

    private static CrmStore cursorInclusive() {
        Faulty f = Faulty.store();
        return f.customers("find", (a, o) -> {
            o.proceed(); // validates the cursor
            PageRequest p = (PageRequest) a[1];
            List<Customer> fetched;
            try (Stream<Customer> all = f.base.customers().stream((CustomerQuery) a[0])) {
                fetched = all.filter(c -> p.after() == null || c.id().value().compareTo(p.after()) >= 0).limit(p.size() + 1L).toList();
            }
            return Page.of(fetched, p.size(), c -> c.id().value());
        }).build();
    }

    private static CrmStore streamDropsBoundary() {
        Faulty f = Faulty.store();
        return f.customers("stream", (a, o) -> {
            CustomerQuery q = (CustomerQuery) a[0];
            List<Customer> out = new ArrayList<>();
            Page<Customer> page = f.base.customers().find(q, PageRequest.first(1_000));
            out.addAll(page.items());
            while (page.hasNext()) {
                page = f.base.customers().find(q, new PageRequest(page.nextCursor(), 1_000));
                out.addAll(page.items().subList(Math.min(1, page.items().size()), page.items().size()));
            }
            return out.stream();
        }).build();
    }

    private static Stream<Object> repeatEvery(Stream<?> s, int chunk) {
        int[] n = {0};
        Object[] last = {null};
        return s.flatMap(x -> {
            int i = n[0]++;
            Object previous = last[0];
            last[0] = x;
            return i > 0 && i % chunk == 0 ? Stream.of(previous, x) : Stream.of(x);
        });
    }

    /** A pool of 8 connections: every call borrows one; a stream keeps its own until close, which forgets to return it. */
    private static CrmStore leakingStreams() {
        Semaphore pool = new Semaphore(8);
        Faulty.Replacement borrow = (a, o) -> {
            acquire(pool);
            try {
                return o.proceed();
            } finally {
                pool.release();
            }
        };
        Faulty.Replacement stream = (a, o) -> {
            acquire(pool);
            return ((Stream<?>) o.proceed()).onClose(() -> { /* the defect: the connection is not released */ });
        };
        return Faulty.store().customers("save", borrow).customers("stream", stream).accounts("stream", stream)
                .interactions("stream", stream).build();
    }

    private static void acquire(Semaphore pool) {
        try {
            if (!pool.tryAcquire(2, TimeUnit.SECONDS)) {
                throw new StoreException("connection pool exhausted", true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", true);
        }
    }

    private static CrmStore reinsertContinuesVersion() {
        Faulty f = Faulty.store();
        Map<CustomerId, Long> offset = new ConcurrentHashMap<>();
        Map<CustomerId, Long> tombstones = new ConcurrentHashMap<>();
        return f.customers("save", (a, o) -> {
                    Customer c = (Customer) a[0];
                    long version = c.meta().version();
                    if (version == 0) {
                        Long dead = tombstones.remove(c.id());
                        offset.put(c.id(), dead == null ? 0L : dead);
                    } else {
                        a[0] = c.withMeta(c.meta().withVersion(version - offset.getOrDefault(c.id(), 0L)));
                    }
                    Customer stored = (Customer) o.proceed();
                    return stored.withMeta(stored.meta().withVersion(stored.meta().version() + offset.getOrDefault(c.id(), 0L)));
                })
                .customers("findById", (a, o) -> ((Optional<?>) o.proceed()).map(x -> {
                    Customer c = (Customer) x;
                    return c.withMeta(c.meta().withVersion(c.meta().version() + offset.getOrDefault(c.id(), 0L)));
                }))
                .customers("delete", (a, o) -> {
                    CustomerId id = (CustomerId) a[0];
                    long expected = (long) a[1];
                    a[1] = expected - offset.getOrDefault(id, 0L);
                    o.proceed();
                    tombstones.put(id, expected);
                    return null;
                })
                .build();
    }

    private static CrmStore snapshotsSurvive() {
        Faulty f = Faulty.store();
        Map<AccountId, List<AccountSnapshot>> kept = new ConcurrentHashMap<>();
        return f.accounts("delete", (a, o) -> {
                    AccountId id = (AccountId) a[0];
                    List<AccountSnapshot> history = f.base.accounts().snapshots(id, LocalDate.MIN, LocalDate.MAX);
                    o.proceed();
                    kept.put(id, history);
                    return null;
                })
                .accounts("latestSnapshot", (a, o) -> {
                    List<AccountSnapshot> history = kept.get((AccountId) a[0]);
                    LocalDate date = (LocalDate) a[1];
                    return history == null ? o.proceed() : history.stream().filter(s -> !s.asOf().isAfter(date)).reduce((x, y) -> y);
                })
                .accounts("snapshots", (a, o) -> {
                    List<AccountSnapshot> history = kept.get((AccountId) a[0]);
                    return history == null ? o.proceed() : history.stream()
                            .filter(s -> !s.asOf().isBefore((LocalDate) a[1]) && !s.asOf().isAfter((LocalDate) a[2])).toList();
                })
                .build();
    }
}
