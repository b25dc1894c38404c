package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's consent for one purpose on one kind of contact point, as it stands: there is at
 * most one record per customer, contact point and purpose (a new capture replaces the old one;
 * the audit trail keeps every earlier state). Never a bare yes/no: it says where it came from,
 * when it was captured, from when until when it is effective, and — with double opt-in — when the
 * customer confirmed it.
 *
 * <p>The record permits contact at instant {@code t} ({@link #activeAt}) exactly when it was
 * granted ({@code grantedAt} set: at capture, or at confirmation with double opt-in) and
 * {@code max(effectiveFrom, grantedAt) <= t < min(effectiveUntil, withdrawnAt)}. Status and
 * timestamps agree; the constructor refuses any other combination:
 * <ul>
 *   <li>GRANTED: {@code grantedAt} set, not withdrawn;
 *   <li>PENDING (double opt-in, waiting for confirmation) and DENIED: neither granted nor withdrawn;
 *   <li>WITHDRAWN: {@code withdrawnAt} set ({@code grantedAt} kept if it had been granted).
 * </ul>
 *
 * <p>Immutable and thread-safe. Sources are codes (no free text), so {@link #toString()} shows
 * everything but still prints only codes, ids and instants.
 *
 * @param id the record's id
 * @param customerId whose consent
 * @param point the kind of contact point it covers
 * @param purpose what it covers
 * @param status where it stands
 * @param source where it was captured: a code such as {@code web:signup-form} or {@code branch:paper-form}
 * @param capturedAt when it was captured
 * @param effectiveFrom from when it is effective (inclusive)
 * @param effectiveUntil until when it is effective (exclusive), or {@code null} for open-ended
 * @param doubleOptIn whether it needs (or needed) the customer's confirmation
 * @param grantedAt when it started to permit contact (capture, or confirmation), or {@code null}
 * @param withdrawnAt when it was withdrawn, or {@code null}
 * @param withdrawalSource how it was withdrawn (a code such as {@code app:settings}), or {@code null}
 * @param meta version and bookkeeping
 */
public record ConsentRecord(ConsentId id, CustomerId customerId, ContactPointKind point, ConsentPurpose purpose,
        ConsentStatus status, String source, Instant capturedAt, Instant effectiveFrom, @Nullable Instant effectiveUntil,
        boolean doubleOptIn, @Nullable Instant grantedAt, @Nullable Instant withdrawnAt,
        @Nullable String withdrawalSource, Meta meta) implements Aggregate<ConsentId, ConsentRecord> {

    public ConsentRecord {
        Check.notNull(id, "id");
        Check.notNull(customerId, "customerId");
        Check.notNull(point, "point");
        Check.notNull(purpose, "purpose");
        Check.notNull(status, "status");
        Ids.check(source, "source");
        Check.notNull(capturedAt, "capturedAt");
        Check.notNull(effectiveFrom, "effectiveFrom");
        Check.that(effectiveUntil == null || effectiveUntil.isAfter(effectiveFrom), "effectiveUntil", "AfterFrom",
                "must be after effectiveFrom");
        if (withdrawalSource != null) {
            Ids.check(withdrawalSource, "withdrawalSource");
        }
        Check.that(grantedAt == null || !grantedAt.isBefore(capturedAt), "grantedAt", "NotBeforeCapture",
                "must not be before capturedAt");
        Check.that((status == ConsentStatus.WITHDRAWN) == (withdrawnAt != null), "withdrawnAt", "MatchesStatus",
                "must be set exactly when the consent is WITHDRAWN");
        Check.that((status == ConsentStatus.GRANTED) == (grantedAt != null && withdrawnAt == null)
                || status == ConsentStatus.WITHDRAWN, "grantedAt", "MatchesStatus",
                "must be set, and withdrawnAt unset, exactly when the consent is GRANTED");
        Check.that(withdrawnAt == null || !withdrawnAt.isBefore(capturedAt), "withdrawnAt", "NotBeforeCapture",
                "must not be before capturedAt");
        Check.that((withdrawalSource == null) == (withdrawnAt == null), "withdrawalSource", "WithWithdrawnAt",
                "must be set exactly when withdrawnAt is");
        Check.that(status != ConsentStatus.PENDING || doubleOptIn, "doubleOptIn", "PendingNeedsDoubleOptIn",
                "a PENDING consent must be a double opt-in");
        Check.notNull(meta, "meta");
    }

    /** When it starts to permit contact, or {@code null} if it never was granted. */
    public @Nullable Instant activeFrom() {
        if (grantedAt == null) {
            return null;
        }
        return grantedAt.isAfter(effectiveFrom) ? grantedAt : effectiveFrom;
    }

    /** When it stops permitting contact (exclusive), or {@code null} for never. */
    public @Nullable Instant activeUntil() {
        if (withdrawnAt == null) {
            return effectiveUntil;
        }
        return effectiveUntil == null || withdrawnAt.isBefore(effectiveUntil) ? withdrawnAt : effectiveUntil;
    }

    /** Whether it permits contact at {@code at}. */
    public boolean activeAt(Instant at) {
        Instant from = activeFrom();
        Instant until = activeUntil();
        return from != null && !at.isBefore(from) && (until == null || at.isBefore(until));
    }

    /** A PENDING double opt-in, confirmed by the customer at {@code at}. */
    public ConsentRecord confirmed(Instant at) {
        return new ConsentRecord(id, customerId, point, purpose, ConsentStatus.GRANTED, source, capturedAt, effectiveFrom,
                effectiveUntil, doubleOptIn, at, null, null, meta);
    }

    /** Withdrawn at {@code at} through {@code via}; a grant stays on record (it permitted contact until then). */
    public ConsentRecord withdrawn(Instant at, String via) {
        return new ConsentRecord(id, customerId, point, purpose, ConsentStatus.WITHDRAWN, source, capturedAt,
                effectiveFrom, effectiveUntil, doubleOptIn, grantedAt, at, via, meta);
    }

    @Override
    public ConsentRecord withMeta(Meta value) {
        return new ConsentRecord(id, customerId, point, purpose, status, source, capturedAt, effectiveFrom, effectiveUntil,
                doubleOptIn, grantedAt, withdrawnAt, withdrawalSource, value);
    }
}
