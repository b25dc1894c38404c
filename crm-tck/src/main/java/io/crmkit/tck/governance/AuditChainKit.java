package io.crmkit.tck.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One aggregate's audit chain under writers that do not see each other's memory: two threads of
 * one {@link Crm}, and two {@code Crm}s on the same data (as two processes would be), each of which
 * remembers the chain heads it wrote. However the writes interleave, and whatever was rolled back,
 * every committed change has exactly one entry and the chain verifies. Subclass with
 * {@link #createStore()}; a store reached through a connection also overrides
 * {@link #createSecondStore()} to open a second store on the same database.
 */
@DisplayName("governance › one audit chain under concurrent writers")
public abstract class AuditChainKit {
    protected abstract CrmStore createStore();

    /** A second store over the data of {@link #createStore()}, as another process would open it; the same store by default. */
    protected CrmStore createSecondStore(CrmStore first) {
        return first;
    }

    @Test
    @DisplayName("two Crms on the same data, writing one customer in turn: no write fails, one chain")
    void twoProcessesInTurn() {
        CrmStore store = createStore();
        GeneratedOrganisation org = new GeneratedOrganisation(store, FourEyes.none());
        Crm other = Crm.builder().store(createSecondStore(store)).clock(Clock.fixed(GeneratedOrganisation.NOW, ZoneOffset.UTC))
                .permissions(GeneratedOrganisation.permissions()).build();
        CrmSession a = org.crm.as(org.principals.get("admin").actor());
        CrmSession b = other.as(org.principals.get("admin").actor());
        CustomerId id = org.books.get(2).customer().id();
        long before = chain(a, id).size();
        for (int i = 0; i < 4; i++) {
            a.customers().update(a.customers().get(id).withTag("a" + i));
            b.customers().update(b.customers().get(id).withTag("b" + i));
        }
        // a rolled-back write leaves its writer remembering an entry that was never committed
        assertThatThrownBy(() -> a.inTransaction(() -> {
            a.customers().update(a.customers().get(id).withTag("never"));
            throw new IllegalStateException("host failure after the write");
        })).isInstanceOf(IllegalStateException.class);
        a.customers().update(a.customers().get(id).withTag("after-rollback"));
        b.customers().update(b.customers().get(id).withTag("b-last"));
        List<AuditEntry> chain = chain(a, id);
        assertThat(chain).hasSize((int) before + 10);
        assertThat(chain).extracting(AuditEntry::seq).doesNotHaveDuplicates();
        assertThat(a.audit().verify().problems()).isEmpty();
    }

    @Test
    @DisplayName("two threads updating one customer: every committed update has one entry, the chain verifies")
    void twoThreads() throws Exception {
        GeneratedOrganisation org = new GeneratedOrganisation(createStore(), FourEyes.none());
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        CustomerId id = org.books.get(3).customer().id();
        long before = chain(admin, id).size();
        int perThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String prefix = "w" + t + "-";
                done.add(pool.submit(() -> {
                    start.await();
                    int committed = 0;
                    for (int i = 0; i < perThread; i++) {
                        while (true) {
                            try {
                                admin.customers().update(admin.customers().get(id).withTag(prefix + i));
                                committed++;
                                break;
                            } catch (ConflictException e) {
                                // the other thread changed it first: read again and retry
                            }
                        }
                    }
                    return committed;
                }));
            }
            start.countDown();
            int committed = 0;
            for (Future<Integer> f : done) {
                committed += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(committed).isEqualTo(2 * perThread);
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> chain = chain(admin, id);
        assertThat(chain).hasSize((int) before + 2 * perThread);
        assertThat(admin.customers().get(id).tags()).hasSizeGreaterThanOrEqualTo(2 * perThread);
        assertThat(admin.audit().verify().problems()).isEmpty();
    }

    /** The customer's own chain, by the customer's history (newest first, every page). */
    private static List<AuditEntry> chain(CrmSession s, CustomerId id) {
        List<AuditEntry> out = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            var p = s.audit().forCustomer(id, page);
            p.items().stream().filter(e -> e.streamType().equals("Customer") && e.streamId().equals(id.value())).forEach(out::add);
            if (!p.hasNext()) {
                return out;
            }
            page = page.next(p);
        }
    }
}
