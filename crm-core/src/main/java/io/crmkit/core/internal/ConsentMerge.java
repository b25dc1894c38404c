package io.crmkit.core.internal;

import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ConflictException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.merge.ChildMove;
import io.crmkit.core.merge.ChildMove.Kind;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.spi.CrmStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The most restrictive consent, worked out for one merge. Per contact point kind and purpose: a
 * record only the duplicate has moves to the survivor; where both have one, the survivor keeps the
 * stricter of the two ({@link #STRICTER_FIRST}) — its own record is rewritten with the duplicate's
 * content when the duplicate's is stricter, and the duplicate's record stays on the tombstone
 * either way. Do-not-contact flags are the union: the survivor's are created or widened with the
 * duplicate's, which stay on the tombstone (they are keyed by its id). Unmerge restores the
 * survivor's records from the {@link MergeRecord} and refuses a record changed since the merge.
 * Not thread-safe (one per merge).
 *
 * @param moved the duplicate's records for a point and purpose the survivor has none for
 * @param restricted the survivor's records the duplicate has a stricter one for
 * @param survivorFlags the survivor's do-not-contact flags, if any
 * @param duplicateFlags the duplicate's do-not-contact flags, if any
 */
record ConsentMerge(List<ConsentRecord> moved, List<Restriction> restricted, @Nullable DoNotContact survivorFlags,
        @Nullable DoNotContact duplicateFlags) {

    /** The survivor's record for a point and purpose, and the duplicate's stricter one. */
    record Restriction(ConsentRecord own, ConsentRecord stricter) {}

    /**
     * Which of two records permits less: a refusal or a withdrawal, then a double opt-in waiting for
     * confirmation, then a grant; between two grants the one that stops permitting first (an
     * open-ended one last), then the one that starts later.
     */
    static final Comparator<ConsentRecord> STRICTER_FIRST = Comparator.comparingInt(ConsentMerge::rank)
            .thenComparing(ConsentRecord::activeUntil, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConsentRecord::activeFrom, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private static int rank(ConsentRecord r) {
        return switch (r.status()) {
            case DENIED, WITHDRAWN -> 0;
            case PENDING -> 1;
            case GRANTED -> 2;
        };
    }

    static ConsentMerge of(CrmStore store, CustomerId s, CustomerId d) {
        List<ConsentRecord> moved = new ArrayList<>();
        List<Restriction> restricted = new ArrayList<>();
        for (ConsentRecord r : kept(() -> store.consents().findByCustomer(d), List.<ConsentRecord>of())) {
            Optional<ConsentRecord> own = store.consents().find(s, r.point(), r.purpose());
            if (own.isEmpty()) {
                moved.add(r);
            } else if (STRICTER_FIRST.compare(r, own.get()) < 0) {
                restricted.add(new Restriction(own.get(), r));
            }
        }
        DoNotContact dFlags = kept(() -> store.doNotContact().findById(d), Optional.<DoNotContact>empty()).orElse(null);
        DoNotContact sFlags = dFlags == null ? null : store.doNotContact().findById(s).orElse(null);
        return new ConsentMerge(moved, restricted, sFlags, dFlags);
    }

    /** What a store that keeps none of a kind answers: nothing to move. */
    static <T> T kept(Supplier<T> read, T none) {
        try {
            return read.get();
        } catch (StoreException e) {
            if (e.isTransient()) {
                throw e;
            }
            return none;
        }
    }

    void counts(Map<Kind, Integer> m) {
        m.put(Kind.CONSENT, moved.size() + restricted.size());
        m.put(Kind.DO_NOT_CONTACT, widened() == null ? 0 : 1);
    }

    /** The survivor's flags after the merge, or {@code null} when they stay as they are. */
    private @Nullable DoNotContact widened() {
        DoNotContact d = duplicateFlags;
        if (d == null || d.isClear()) {
            return null;
        }
        DoNotContact s = survivorFlags;
        if (s == null) {
            return d;
        }
        EnumSet<Channel> channels = s.channelSet();
        channels.addAll(d.channels());
        boolean everything = s.everything() || d.everything();
        if (everything == s.everything() && channels.equals(s.channels())) {
            return null;
        }
        return new DoNotContact(s.id(), everything, channels, d.source(), s.meta());
    }

    /** The survivor's records as they were before {@link #apply} changed them. */
    record Replaced(List<ConsentRecord> consents, @Nullable DoNotContact flags) {}

    Replaced apply(CrmStore store, CustomerId to, Instant now, String actor, List<ChildMove> log) {
        for (ConsentRecord r : moved) {
            log.add(MergePlan.move(store.consents(), Kind.CONSENT, r, "customerId", to, now, actor));
        }
        List<ConsentRecord> before = new ArrayList<>();
        for (Restriction pair : restricted) {
            ConsentRecord own = pair.own();
            ConsentRecord d = pair.stricter();
            ConsentRecord stricter = new ConsentRecord(own.id(), own.customerId(), own.point(), own.purpose(), d.status(),
                    d.source(), d.capturedAt(), d.effectiveFrom(), d.effectiveUntil(), d.doubleOptIn(), d.grantedAt(),
                    d.withdrawnAt(), d.withdrawalSource(), own.meta().touched(now, actor));
            ConsentRecord saved = store.consents().save(stricter);
            log.add(new ChildMove(Kind.CONSENT, own.id().value(), "restricted", saved.meta().version()));
            before.add(own);
        }
        DoNotContact next = widened();
        if (next == null) {
            return new Replaced(before, null);
        }
        DoNotContact s = survivorFlags;
        DoNotContact saved = store.doNotContact().save(s == null
                ? new DoNotContact(to, next.everything(), next.channels(), next.source(), Meta.created(now, actor))
                : next.withMeta(s.meta().touched(now, actor)));
        log.add(new ChildMove(Kind.DO_NOT_CONTACT, to.value(), s == null ? "created" : "combined", saved.meta().version()));
        return new Replaced(before, s);
    }

    /** Undoes one consent or do-not-contact entry of {@code m}'s move log. */
    static void undo(CrmStore store, ChildMove mv, MergeRecord m, Instant now, String actor) {
        if (mv.kind() == Kind.CONSENT && mv.field().equals("customerId")) {
            MergePlan.back(store.consents(), ConsentId.of(mv.id()), mv, m, now, actor);
        } else if (mv.kind() == Kind.CONSENT) {
            ConsentRecord current = unchanged(store.consents().findById(ConsentId.of(mv.id())), "Consent", mv);
            ConsentRecord before = m.consentsBefore().stream().filter(c -> c.id().value().equals(mv.id())).findFirst()
                    .orElseThrow(() -> new ConflictException("Consent", mv.id(), mv.versionAfter()));
            store.consents().save(before.withMeta(current.meta().touched(now, actor)));
        } else if (mv.field().equals("created")) {
            DoNotContact current = unchanged(store.doNotContact().findById(m.survivor()), "DoNotContact", mv);
            store.doNotContact().delete(current.id(), current.meta().version());
        } else {
            DoNotContact current = unchanged(store.doNotContact().findById(m.survivor()), "DoNotContact", mv);
            DoNotContact before = m.doNotContactBefore();
            if (before == null) {
                throw new ConflictException("DoNotContact", mv.id(), mv.versionAfter());
            }
            store.doNotContact().save(before.withMeta(current.meta().touched(now, actor)));
        }
    }

    /**
     * The record as the merge left it: one changed since (a new capture, a withdrawal) would be
     * overwritten by the unmerge, so it is a conflict.
     */
    private static <A extends io.crmkit.core.common.Aggregate<?, A>> A unchanged(Optional<A> current, String type, ChildMove mv) {
        return current.filter(c -> c.meta().version() == mv.versionAfter())
                .orElseThrow(() -> new ConflictException(type, mv.id(), mv.versionAfter()));
    }
}
