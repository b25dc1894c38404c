package io.crmkit.core.internal;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.MergeId;
import io.crmkit.core.merge.MergePreview;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.MergeService;
import io.crmkit.core.merge.MergeStatus;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.org.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MergeService} over the store, through the write pipeline: plan (load both customers in
 * scope and every child of the duplicate), guard (maker-checker on the survivor), then save the
 * tombstone, the survivor, every re-pointed child and the merge record in one transaction. Unmerge
 * replays the move log backwards. Thread-safe.
 */
final class MergeServiceImpl implements MergeService {
    private final Engine engine;
    private final Actor actor;
    private final Access access;

    MergeServiceImpl(Access access) {
        this.access = access;
        this.engine = access.engine();
        this.actor = access.actor();
    }

    @Override
    public MergePreview preview(CustomerId survivor, CustomerId duplicate, Survivorship rules) {
        checkArgs(survivor, duplicate, rules);
        access.authorise(Operation.CUSTOMER_MERGE);
        return engine.store.inTransaction(() -> {
            MergePlan p = MergePlan.of(engine, access, survivor, duplicate, rules);
            Map<ChildMove.Kind, Integer> counts = new EnumMap<>(ChildMove.Kind.class);
            p.counts().forEach(counts::put);
            return new MergePreview(access.mask(p.survivorAfter()), counts);
        });
    }

    @Override
    public MergeRecord merge(CustomerId survivor, CustomerId duplicate, Survivorship rules) {
        checkArgs(survivor, duplicate, rules);
        return engine.write(access, Operation.CUSTOMER_MERGE, "Customer", survivor,
                Call.of("merges", "merge", survivor, duplicate, rules), null, rules, () -> {
                    MergePlan p = MergePlan.of(engine, access, survivor, duplicate, rules);
                    Instant now = engine.now();
                    Customer after = p.survivorAfter().withMeta(p.survivor().meta().touched(now, actor.id()));
                    engine.guard(p.survivor(), after, survivor);
                    // the tombstone first: it gives up the identifiers the survivor then takes
                    engine.store.customers().save(tombstone(p, now));
                    // a survivor the rules leave as it was is not written (no empty audit entry)
                    Customer saved = after.withMeta(p.survivor().meta()).equals(p.survivor()) ? p.survivor()
                            : engine.store.customers().save(after);
                    MergePlan.Applied applied = p.apply(now, actor.id());
                    MergeRecord record = new MergeRecord(MergeId.of(engine.newId("Merge")), survivor, duplicate,
                            MergeStatus.MERGED, rules, p.survivor(), p.duplicate(), saved.meta().version(), applied.moves(),
                            p.between(), p.history(), applied.replaced().consents(), applied.replaced().flags(), now, actor.id(),
                            now.plus(Duration.ofDays(RETENTION_DAYS)), null, io.crmkit.core.common.Meta.created(now, actor.id()));
                    return masked(engine.store.merges().save(record));
                });
    }

    private Customer tombstone(MergePlan p, Instant now) {
        Customer d = p.duplicate();
        Set<Identifier> moving = new HashSet<>(SurvivorshipApplier.movableIdentifiers(p.survivor(), d));
        Customer t = d.withIdentifiers(d.identifiers().stream().filter(i -> !moving.contains(i)).toList())
                .withTag(TOMBSTONE_TAG);
        if (d.lifecycle().canMoveTo(LifecycleStage.CLOSED)) {
            t = t.withLifecycleChange(new LifecycleChange(d.lifecycle(), LifecycleStage.CLOSED, engine.today(),
                    "merged into " + p.survivor().id(), now, actor.id()));
        }
        return t.withMeta(d.meta().touched(now, actor.id()));
    }

    @Override
    public MergeRecord unmerge(MergeId id) {
        Check.notNull(id, "id");
        return engine.write(access, Operation.CUSTOMER_MERGE, "MergeRecord", id, Call.of("merges", "unmerge", id), null, id,
                () -> {
                    MergeRecord m = engine.store.merges().findById(id).orElseThrow(() -> new NotFoundException("MergeRecord", id.value()));
                    Customer survivor = access.requireWritable(Operation.CUSTOMER_MERGE, m.survivor());
                    Customer tomb = access.requireWritable(Operation.CUSTOMER_MERGE, m.duplicate());
                    if (m.status() != MergeStatus.MERGED) {
                        throw ValidationException.of("id", "Merged", "the merge is already undone");
                    }
                    Instant now = engine.now();
                    if (now.isAfter(m.undoableUntil())) {
                        throw ValidationException.of("id", "RetentionWindow", "the merge is past its retention window");
                    }
                    if (survivor.meta().version() != m.survivorVersionAfter()) {
                        throw new ConflictException("Customer", survivor.id().value(), m.survivorVersionAfter());
                    }
                    Customer restored = m.survivorBefore().withMeta(survivor.meta().touched(now, actor.id()));
                    engine.guard(survivor, restored, survivor.id());
                    // the survivor first: it gives back the identifiers the duplicate takes again
                    if (!m.survivorBefore().withMeta(survivor.meta()).equals(survivor)) {
                        engine.store.customers().save(restored);
                    }
                    engine.store.customers().save(m.duplicateBefore().withMeta(tomb.meta().touched(now, actor.id())));
                    MergePlan.undo(engine, m, now, actor.id());
                    return masked(engine.store.merges().save(m.undone(now)));
                });
    }

    @Override
    public Optional<MergeRecord> find(MergeId id) {
        Check.notNull(id, "id");
        return engine.store.merges().findById(id).filter(m -> access.visible(m.survivor()).isPresent()).map(this::masked);
    }

    @Override
    public List<MergeRecord> mergesOf(CustomerId customer) {
        Check.notNull(customer, "customer");
        access.requireVisible(customer);
        // a merge names both customers: only those whose other side is visible too
        return engine.store.merges().findByCustomer(customer).stream()
                .filter(m -> access.visible(m.survivor()).isPresent() && access.visible(m.duplicate()).isPresent())
                .map(this::masked).toList();
    }

    @Override
    public CustomerId resolve(CustomerId id) {
        Check.notNull(id, "id");
        return MergeRedirect.follow(engine, access, access.requireVisible(id)).map(Customer::id)
                .orElseThrow(() -> new NotFoundException("Customer", id.value()));
    }

    /** The record as the actor may see it: its two customer snapshots masked like every customer read. */
    private MergeRecord masked(MergeRecord m) {
        return m.withSnapshots(access.mask(m.survivorBefore()), access.mask(m.duplicateBefore()));
    }

    private static void checkArgs(CustomerId survivor, CustomerId duplicate, Survivorship rules) {
        List<io.crmkit.core.error.Violation> v = new ArrayList<>();
        if (survivor == null) {
            v.add(io.crmkit.core.error.Violation.of("survivor", "Required", "must not be null"));
        }
        if (duplicate == null) {
            v.add(io.crmkit.core.error.Violation.of("duplicate", "Required", "must not be null"));
        }
        if (rules == null) {
            v.add(io.crmkit.core.error.Violation.of("rules", "Required", "must not be null"));
        }
        if (survivor != null && survivor.equals(duplicate)) {
            v.add(io.crmkit.core.error.Violation.of("duplicate", "NotSurvivor", "must be another customer than the survivor"));
        }
        CommandValidator.throwIfAny(v);
    }
}
