package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.CrmStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads purchase dates from the CRM store into a {@link PurchaseHistory}: the interactions in a
 * time range, streamed through the SPI (memory holds only the purchase days, never the
 * interactions), those the host marks as purchases (for example a channel, or an outcome its feed
 * sets on each trade) counted on their day in the business zone. The store holds no amounts, so
 * these histories carry no spend: add amounts from the host's ledger with
 * {@link PurchaseHistory#add(String, java.time.LocalDate, double)} instead when CLV in money is
 * wanted. Keys are the customer ids' text.
 *
 * <p>Reads the store directly, as batch jobs do, so the per-actor access policy does not filter
 * it: let only head-office jobs run it. Stateless and thread-safe.
 */
public final class StorePurchases {

    private StorePurchases() {
    }

    /**
     * The interactions with {@code from <= occurredAt < to} that {@code isPurchase} accepts.
     *
     * @throws io.crmkit.core.error.ValidationException for a missing argument or an empty range
     */
    public static PurchaseHistory fromInteractions(CrmStore store, Predicate<Interaction> isPurchase, ZoneId zone,
            Instant from, Instant to, PeriodUnit unit) {
        Checks.notNull(store, "store");
        Checks.notNull(isPurchase, "isPurchase");
        Checks.notNull(zone, "zone");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw Checks.invalid("to", "After", "must be after from");
        }
        PurchaseHistory history = PurchaseHistory.builder(unit);
        try (Stream<Interaction> s = store.interactions().stream(from, to)) {
            s.filter(isPurchase).forEach(i -> history.add(i.customerId().value(), i.occurredAt().atZone(zone)
                    .toLocalDate()));
        }
        return history;
    }
}
