package io.crmkit.core.internal;

import io.crmkit.core.ApprovalService;
import io.crmkit.core.approval.Approval;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.approval.RequestStatus;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link ApprovalService}: decisions on pending requests, applied in one transaction. Thread-safe. */
final class ApprovalServiceImpl implements ApprovalService {
    private final Access access;
    private final Engine engine;

    ApprovalServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    private void requireOn() {
        if (engine.audit == null) {
            throw new StoreException("maker-checker needs a store that keeps pending requests and an audit trail", false);
        }
    }

    /** Whether the request's record is one the actor may see (requests about no customer: staff with ALL reads). */
    private boolean sees(PendingRequest r) {
        return r.customerId() == null ? access.readScope().all() : subject(r).isPresent();
    }

    /**
     * The customer a request is about, if the actor may see it: the stored one, or for a registration
     * waiting for approval the customer it would create (its owner and branch decide, as for the maker).
     */
    private Optional<Customer> subject(PendingRequest r) {
        Optional<Customer> stored = engine.store.customers().findById(r.customerId());
        if (stored.isPresent() || !r.operation().equals(Operation.CUSTOMER_REGISTER.code())) {
            return stored.filter(access::sees);
        }
        return Approvals.proposedCustomer(engine, r).filter(access::sees);
    }

    private boolean mayDecide(PendingRequest r) {
        if (!access.granted(Operation.APPROVE) || r.makerId().equals(access.actor().id())) {
            return false;
        }
        return r.customerId() == null ? access.scope(Operation.APPROVE).all()
                : subject(r).filter(c -> access.scope(Operation.APPROVE).includes(c)).isPresent();
    }

    @Override
    public Page<PendingRequest> pending(PageRequest page) {
        Check.notNull(page, "page");
        requireOn();
        Instant now = engine.now();
        return ScopedPages.filter(p -> engine.store.approvals().findAllPending(p), r -> r.isOpenAt(now) && mayDecide(r), access::mask,
                page, r -> r.id().value());
    }

    @Override
    public List<PendingRequest> forCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        requireOn();
        access.requireVisible(customerId);
        return engine.store.approvals().findByCustomer(customerId).stream().map(access::mask).toList();
    }

    @Override
    public PendingRequest get(PendingRequestId id) {
        Check.notNull(id, "id");
        requireOn();
        return engine.store.approvals().findById(id).filter(this::sees).map(access::mask)
                .orElseThrow(() -> new NotFoundException("PendingRequest", id.value()));
    }

    @Override
    public PendingRequest approve(PendingRequestId id, @Nullable String reason) {
        Check.notNull(id, "id");
        Check.optionalText(reason, "reason", 1_000);
        requireOn();
        access.authorise(Operation.APPROVE);
        String checker = access.actor().id();
        return engine.internalWrite(access.actor(), "approval.approve", reason, () -> {
            PendingRequest r = open(id);
            if (r.approvals().stream().anyMatch(a -> a.checker().equals(checker))) {
                throw ValidationException.of("request", "DistinctCheckers", "each checker approves a request once");
            }
            PendingRequest next = r.withApproval(new Approval(checker, engine.now(), reason))
                    .withMeta(r.meta().touched(engine.now(), checker));
            PendingRequest saved = engine.store.approvals().save(next);
            if (saved.status() == RequestStatus.APPROVED) {
                // Applied as the maker, with the maker's permissions as they are now.
                Session maker = new Session(engine, Approvals.maker(saved));
                engine.applying(saved, checker, () -> Approvals.replay(maker, saved));
            }
            engine.emit(new CrmEvent.ApprovalDecided(engine.now(), checker, saved.customerId(), saved.id(), saved.status()));
            return saved;
        });
    }

    @Override
    public PendingRequest reject(PendingRequestId id, String reason) {
        Check.notNull(id, "id");
        Check.notBlank(reason, "reason", 1_000);
        requireOn();
        access.authorise(Operation.APPROVE);
        String checker = access.actor().id();
        return engine.internalWrite(access.actor(), "approval.reject", reason, () -> {
            PendingRequest r = open(id);
            PendingRequest saved = engine.store.approvals().save(r.decided(RequestStatus.REJECTED, checker, reason)
                    .withMeta(r.meta().touched(engine.now(), checker)));
            engine.emit(new CrmEvent.ApprovalDecided(engine.now(), checker, saved.customerId(), saved.id(), saved.status()));
            return saved;
        });
    }

    /** The request, if the actor may decide it and it is still open. */
    private PendingRequest open(PendingRequestId id) {
        PendingRequest r = engine.store.approvals().findById(id).filter(this::sees)
                .orElseThrow(() -> new NotFoundException("PendingRequest", id.value()));
        if (r.makerId().equals(access.actor().id())) {
            throw new AccessDeniedException(access.actor().id(), "decide a request they made");
        }
        if (!mayDecide(r)) {
            throw new AccessDeniedException(access.actor().id(), Operation.APPROVE.code());
        }
        if (!r.isOpenAt(engine.now())) {
            throw ValidationException.of("request", "Pending", "is no longer pending (" + (r.status() == RequestStatus.PENDING
                    ? RequestStatus.EXPIRED : r.status()) + ")");
        }
        return r;
    }

    @Override
    public int expireDue() {
        requireOn();
        access.authorise(Operation.APPROVE);
        Instant now = engine.now();
        int n = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<PendingRequest> p = engine.store.approvals().findAllPending(page);
            for (PendingRequest r : p.items()) {
                if (!now.isBefore(r.expiresAt()) && (r.customerId() == null || access.visible(r.customerId()).isPresent())) {
                    engine.internalWrite(access.actor(), "approval.expire", null, () -> engine.store.approvals()
                            .save(r.decided(RequestStatus.EXPIRED, null, null).withMeta(r.meta().touched(now, access.actor().id()))));
                    engine.emit(new CrmEvent.ApprovalDecided(now, access.actor().id(), r.customerId(), r.id(), RequestStatus.EXPIRED));
                    n++;
                }
            }
            if (!p.hasNext()) {
                return n;
            }
            page = page.next(p);
        }
    }
}
