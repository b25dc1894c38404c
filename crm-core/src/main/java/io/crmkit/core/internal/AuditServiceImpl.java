package io.crmkit.core.internal;

import io.crmkit.core.AuditService;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link AuditService} over the store's audit repository. Thread-safe. */
final class AuditServiceImpl implements AuditService {
    private final Access access;
    private final Engine engine;

    AuditServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
    }

    private AuditRecorder recorder() {
        if (engine.audit == null) {
            throw new StoreException("auditing is off for this Crm", false);
        }
        return engine.audit;
    }

    @Override
    public Page<AuditEntry> forCustomer(CustomerId customerId, PageRequest page) {
        Check.notNull(customerId, "customerId");
        Check.notNull(page, "page");
        recorder();
        access.authorise(Operation.AUDIT_READ);
        access.requireWritable(Operation.AUDIT_READ, customerId);
        return engine.raw.audit().byCustomer(customerId, page);
    }

    @Override
    public Page<AuditEntry> byActor(String actorId, PageRequest page) {
        Check.notBlank(actorId, "actorId", 64);
        Check.notNull(page, "page");
        requireAll();
        return engine.raw.audit().byActor(actorId, page);
    }

    @Override
    public AuditTrail.Verification verify() {
        requireAll();
        AuditTrail trail = recorder().trail();
        Map<String, Repository<?, ?>> repos = repositories();
        try (Stream<AuditEntry> all = engine.raw.audit().stream()) {
            return trail.verify(all, e -> currentVersion(repos, e));
        }
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Check.notNull(cutoff, "cutoff");
        requireAll();
        recorder();
        return engine.raw.audit().purgeBefore(cutoff);
    }

    private void requireAll() {
        access.authorise(Operation.AUDIT_READ);
        if (!access.scope(Operation.AUDIT_READ).all()) {
            throw new AccessDeniedException(access.actor().id(), Operation.AUDIT_READ.code() + " at depth ALL");
        }
    }

    private Map<String, Repository<?, ?>> repositories() {
        Map<String, Repository<?, ?>> out = new HashMap<>();
        for (Repository<?, ?> r : new Repository<?, ?>[] {engine.raw.customers(), engine.raw.contacts(),
                engine.raw.relationships(), engine.raw.accounts(), engine.raw.interactions(), engine.raw.opportunities(),
                engine.raw.tasks(), engine.raw.approvals()}) {
            out.put(r.typeName(), r);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Long currentVersion(Map<String, Repository<?, ?>> repos, AuditEntry e) {
        Repository repo = repos.get(e.streamType());
        if (repo == null) {
            return null;
        }
        try {
            Object id = idOf(e.streamType(), e.streamId());
            if (id == null) {
                return null;
            }
            Optional<Aggregate<?, ?>> found = repo.findById(id);
            return found.map(a -> a.meta().version()).orElse(null);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static @Nullable Object idOf(String type, String id) {
        return switch (type) {
            case "Customer" -> CustomerId.of(id);
            case "Contact" -> io.crmkit.core.customer.ContactId.of(id);
            case "Relationship" -> io.crmkit.core.customer.RelationshipId.of(id);
            case "LinkedAccount" -> io.crmkit.core.account.AccountId.of(id);
            case "Interaction" -> io.crmkit.core.interaction.InteractionId.of(id);
            case "Opportunity" -> io.crmkit.core.opportunity.OpportunityId.of(id);
            case "Task" -> io.crmkit.core.task.TaskId.of(id);
            case "PendingRequest" -> io.crmkit.core.approval.PendingRequestId.of(id);
            default -> null;
        };
    }
}
