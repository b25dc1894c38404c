package io.crmkit.tck.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.money.Money;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Maker-checker (four eyes) over a store: each rule parks its change, nothing changes before
 * approval, the maker cannot approve, the checker needs the permission and the record in scope,
 * one pending request per record and operation, approval applies against the base version (a
 * stale one conflicts), two checkers at once (exactly one wins), rejection, expiry, N-of-M, events
 * and audit. Subclass with {@link #createStore()}.
 */
@DisplayName("governance › maker-checker")
public abstract class MakerCheckerKit {
    protected abstract CrmStore createStore();

    private final AtomicReference<Instant> now = new AtomicReference<>(GeneratedOrganisation.NOW);
    private final List<CrmEvent> events = Collections.synchronizedList(new ArrayList<>());
    private GeneratedOrganisation org;
    private CrmSession rm;
    private CrmSession bm;
    private CrmSession compliance;
    private CrmSession otherBm;
    private CrmSession colleague;
    private GeneratedOrganisation.Book book;

    @BeforeEach
    void organisation() {
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        org = new GeneratedOrganisation(createStore(), FourEyes.builder()
                .rule(ApprovalRule.identifierChange())
                .rule(ApprovalRule.ownerReassignment())
                .rule(ApprovalRule.always("tier-override", Operation.TIER_OVERRIDE))
                .rule(ApprovalRule.lifecycleTo(LifecycleStage.CLOSED).approvers(2))
                .rule(ApprovalRule.amountAtLeast(Money.of("1000000", "CNY")))
                .expiry(Duration.ofHours(24)).build(), clock, events::add, false);
        rm = session("rm-r1b1t1m1");
        bm = session("bm-r1b1");
        compliance = session("compliance");
        otherBm = session("bm-r2b1");
        colleague = session("rm-r1b1t1m2");
        book = org.books.stream().filter(b -> b.customer().owner().equals(org.staff("rm-r1b1t1m1"))).findFirst().orElseThrow();
    }

    private CrmSession session(String name) {
        return org.crm.as(org.principals.get(name).actor());
    }

    private PendingRequestId parked(Runnable change) {
        try {
            change.run();
        } catch (ApprovalRequiredException e) {
            return e.requestId();
        }
        throw new AssertionError("the change was applied without approval");
    }

    private Customer current() {
        return org.crm.store().customers().findById(book.customer().id()).orElseThrow();
    }

    @Test
    @DisplayName("an identifier change waits, changes nothing, and shows in the 360 view")
    void identifierChangeWaits() {
        Customer before = current();
        Customer changed = rm.customers().get(before.id()).withIdentifier(Identifier.passport("CN", ValidIdentifiers.passportNumber()));
        PendingRequestId id = parked(() -> rm.customers().update(changed));
        assertThat(current()).isEqualTo(before);
        assertThat(rm.customers().view(before.id()).pendingRequests()).extracting(PendingRequest::id).containsExactly(id);
        PendingRequest r = bm.approvals().get(id);
        assertThat(r.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(r.rule()).isEqualTo("identifier-change");
        assertThat(r.baseVersion()).isEqualTo(before.meta().version());
        assertThat(events).anyMatch(e -> e instanceof CrmEvent.ApprovalSubmitted s && s.requestId().equals(id));
    }

    @Test
    @DisplayName("the maker cannot approve, a colleague without the permission cannot, a checker out of scope sees nothing")
    void whoMayApprove() {
        PendingRequestId id = parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
        assertThatThrownBy(() -> rm.approvals().approve(id, "mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> colleague.approvals().approve(id, "ok")).isInstanceOf(CrmException.class)
                .isNotInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> otherBm.approvals().approve(id, "ok")).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining(book.customer().id().value());
        assertThat(otherBm.approvals().pending(PageRequest.first(100)).items()).extracting(PendingRequest::id).doesNotContain(id);
        assertThat(bm.approvals().pending(PageRequest.first(100)).items()).extracting(PendingRequest::id).contains(id);
        assertThat(current().tier()).isNull();
        PendingRequest done = bm.approvals().approve(id, "checked the statement");
        assertThat(done.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(current().tier()).isEqualTo(TierCode.of("GOLD"));
        assertThat(events).anyMatch(e -> e instanceof CrmEvent.ApprovalDecided d && d.requestId().equals(id)
                && d.status() == RequestStatus.APPROVED);
        List<AuditEntry> trail = compliance.audit().forCustomer(book.customer().id(), PageRequest.first(50)).items();
        assertThat(trail).anyMatch(e -> e.streamType().equals("Customer") && e.operation().equals("tier.assignManually")
                && org.staff("rm-r1b1t1m1").value().equals(e.maker()) && org.staff("bm-r1b1").value().equals(e.checker()));
        assertThat(trail).anyMatch(e -> e.streamType().equals("PendingRequest") && e.operation().equals("approval.submit"));
        assertThat(trail).anyMatch(e -> e.streamType().equals("PendingRequest") && e.operation().equals("approval.approve"));
    }

    @Test
    @DisplayName("one pending request per record and operation")
    void onePending() {
        parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
        assertThatThrownBy(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("SILVER"), "vip", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("OnePending");
    }

    @Test
    @DisplayName("a record changed since the request makes approval fail with a conflict, and nothing changes")
    void staleApproval() {
        Customer base = rm.customers().get(book.customer().id());
        PendingRequestId id = parked(() -> rm.customers().update(base.withIdentifier(
                Identifier.passport("CN", ValidIdentifiers.passportNumber()))));
        rm.customers().update(rm.customers().get(base.id()).withTag("moved-on"));
        Customer changedSince = current();
        assertThatThrownBy(() -> bm.approvals().approve(id, "late")).isInstanceOf(ConflictException.class);
        assertThat(current()).isEqualTo(changedSince);
        assertThat(bm.approvals().get(id).status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    @DisplayName("two checkers approving at once: exactly one wins")
    void twoCheckersAtOnce() throws Exception {
        PendingRequestId id = parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
        CrmSession[] checkers = {bm, compliance};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (CrmSession c : checkers) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return c.approvals().approve(id, "at once");
                    } catch (CrmException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Object> f : results) {
                Object r = f.get();
                if (r instanceof PendingRequest p && p.status() == RequestStatus.APPROVED) {
                    wins++;
                } else {
                    assertThat(r).isInstanceOfAny(ConflictException.class, ValidationException.class);
                }
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(org.crm.store().tiers().history(book.customer().id())).hasSize(1);
    }

    @Test
    @DisplayName("a rejection needs a reason and applies nothing")
    void rejection() {
        PendingRequestId id = parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
        assertThatThrownBy(() -> bm.approvals().reject(id, " ")).isInstanceOf(ValidationException.class);
        PendingRequest r = bm.approvals().reject(id, "no statement on file");
        assertThat(r.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(current().tier()).isNull();
        assertThatThrownBy(() -> compliance.approvals().approve(id, "too late")).isInstanceOf(ValidationException.class);
        // once decided, a new request for the same change may be made
        parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip again", null));
    }

    @Test
    @DisplayName("an expired request can no longer be approved, and frees the record for a new one")
    void expiry() {
        PendingRequestId id = parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
        now.set(now.get().plus(Duration.ofHours(25)));
        assertThatThrownBy(() -> bm.approvals().approve(id, "late")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("EXPIRED");
        assertThat(bm.approvals().expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(bm.approvals().get(id).status()).isEqualTo(RequestStatus.EXPIRED);
        parked(() -> rm.tiers().assignManually(book.customer().id(), TierCode.of("GOLD"), "vip", null));
    }

    @Test
    @DisplayName("closing a relationship needs two distinct checkers")
    void twoOfMany() {
        PendingRequestId id = parked(() -> rm.customers().changeLifecycle(book.customer().id(), LifecycleStage.CLOSED,
                LocalDate.of(2025, 6, 2), "customer left"));
        PendingRequest first = bm.approvals().approve(id, "first");
        assertThat(first.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(current().lifecycle()).isEqualTo(LifecycleStage.ACTIVE);
        assertThatThrownBy(() -> bm.approvals().approve(id, "again")).isInstanceOf(ValidationException.class);
        PendingRequest second = compliance.approvals().approve(id, "second");
        assertThat(second.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(current().lifecycle()).isEqualTo(LifecycleStage.CLOSED);
    }

    @Test
    @DisplayName("owner reassignment and large amounts wait too; small ones go through")
    void otherRules() {
        Customer c = bm.customers().get(book.customer().id());
        PendingRequestId moved = parked(() -> bm.customers().update(c.withOwner(org.staff("rm-r1b1t1m2"))));
        assertThat(current().owner()).isEqualTo(book.customer().owner());
        compliance.approvals().approve(moved, "handover");
        assertThat(current().owner()).isEqualTo(org.staff("rm-r1b1t1m2"));
        PendingRequestId big = parked(() -> bm.opportunities().revise(book.opportunity().id(), Money.of("2000000", "CNY"), 40));
        assertThat(bm.opportunities().get(book.opportunity().id()).amount()).isEqualTo(Money.of("5000", "CNY"));
        compliance.approvals().approve(big, "ok");
        assertThat(bm.opportunities().get(book.opportunity().id()).amount()).isEqualTo(Money.of("2000000", "CNY"));
        assertThat(bm.opportunities().revise(book.opportunity().id(), Money.of("900000", "CNY"), 40).amount())
                .isEqualTo(Money.of("900000", "CNY"));
    }
}
