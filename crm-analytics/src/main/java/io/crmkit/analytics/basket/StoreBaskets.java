package io.crmkit.analytics.basket;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads baskets from the CRM store through the SPI: one basket per customer matching the query
 * (in id order, customers without accounts as empty baskets, so supports are shares of all those
 * customers), keyed by the {@code CustomerId} text. A basket holds, over the customer's linked
 * accounts where they are owner or joint holder (authorised users do not hold the product):
 * <ul>
 *   <li>{@link Items#PRODUCT_LINES}: the accounts' product lines ({@code FUND}, {@code DEPOSIT},
 *       ...), items in {@link ProductLine} order;</li>
 *   <li>{@link Items#ASSET_CLASSES} or {@link Items#INSTRUMENTS}: the asset classes or instrument
 *       codes of the holdings in each account's newest snapshot on or before the as-of date
 *       (one snapshot query per account), items in name order. More than
 *       {@value Baskets#MAX_ITEMS} distinct instruments are refused: mine product lines or asset
 *       classes, or a chosen list of instruments, instead.</li>
 * </ul>
 * Closed accounts are left out unless {@link Builder#includeClosed(boolean)} says otherwise.
 *
 * <p>The reader reads the store directly, as batch jobs do: the per-actor access policy does not
 * filter it. Immutable and thread-safe.
 */
public final class StoreBaskets {

    /** What a basket's items are. */
    public enum Items {
        PRODUCT_LINES,
        ASSET_CLASSES,
        INSTRUMENTS
    }

    private final Items kind;
    private final CustomerQuery query;
    private final Clock clock;
    private final boolean includeClosed;

    private StoreBaskets(Builder b) {
        this.kind = b.kind;
        this.query = b.query;
        this.clock = b.clock;
        this.includeClosed = b.includeClosed;
    }

    /** Product lines of every customer, closed accounts left out, system UTC clock. */
    public static StoreBaskets ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /**
     * Reads the baskets.
     *
     * @throws io.crmkit.core.error.ValidationException naming {@code store} when null, or
     *     {@code basket.items} when more than {@value Baskets#MAX_ITEMS} distinct items are found
     * @throws io.crmkit.core.error.StoreException when the store fails
     */
    public Baskets read(CrmStore store) {
        Checks.notNull(store, "store");
        Map<CustomerId, Integer> rowOf = new HashMap<>();
        List<String> keys = new ArrayList<>();
        try (Stream<io.crmkit.core.customer.Customer> s = store.customers().stream(query)) {
            s.forEach(c -> {
                rowOf.put(c.id(), keys.size());
                keys.add(c.id().value());
            });
        }
        Baskets baskets = kind == Items.PRODUCT_LINES ? productLines(store, rowOf) : holdings(store, rowOf);
        return baskets.withKeys(keys);
    }

    private Baskets productLines(CrmStore store, Map<CustomerId, Integer> rowOf) {
        long[] masks = new long[rowOf.size()];
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(a -> {
                Integer row = rowOf.get(a.customerId());
                if (row != null && counts(a)) {
                    masks[row] |= 1L << a.productLine().ordinal();
                }
            });
        }
        return Baskets.ofMasks(masks, Arrays.stream(ProductLine.values()).map(Enum::name).toList());
    }

    private Baskets holdings(CrmStore store, Map<CustomerId, Integer> rowOf) {
        LocalDate asOf = LocalDate.now(clock);
        List<List<String>> held = new ArrayList<>(rowOf.size());
        for (int i = 0; i < rowOf.size(); i++) {
            held.add(new ArrayList<>(0));
        }
        TreeSet<String> names = new TreeSet<>();
        try (Stream<LinkedAccount> s = store.accounts().stream()) {
            s.forEach(a -> {
                Integer row = rowOf.get(a.customerId());
                if (row == null || !counts(a)) {
                    return;
                }
                AccountSnapshot snap = store.accounts().latestSnapshot(a.id(), asOf).orElse(null);
                if (snap == null) {
                    return;
                }
                for (Holding h : snap.holdings()) {
                    String item = kind == Items.ASSET_CLASSES ? h.assetClass().name() : h.instrument();
                    held.get(row).add(item);
                    if (names.add(item) && names.size() > Baskets.MAX_ITEMS) {
                        throw Checks.invalid("basket.items", "MaxItems", "the store holds more than "
                                + Baskets.MAX_ITEMS + " distinct " + kind.name().toLowerCase(java.util.Locale.ROOT)
                                + "; mine product lines or asset classes instead");
                    }
                }
            });
        }
        List<String> items = List.copyOf(names);
        if (items.isEmpty()) {
            return Baskets.of(held);
        }
        Map<String, Integer> index = new HashMap<>();
        for (String item : items) {
            index.put(item, index.size());
        }
        long[] masks = new long[held.size()];
        for (int r = 0; r < masks.length; r++) {
            for (String item : held.get(r)) {
                masks[r] |= 1L << index.get(item);
            }
        }
        return Baskets.ofMasks(masks, items);
    }

    private boolean counts(LinkedAccount a) {
        return a.role() != AccountRole.AUTHORISED && (includeClosed || a.status() != AccountStatus.CLOSED);
    }

    @Override
    public String toString() {
        return "StoreBaskets[items=" + kind + ", includeClosed=" + includeClosed + "]";
    }

    /** Builder: product lines, all customers, closed accounts left out, system UTC clock. Not thread-safe. */
    public static final class Builder {
        private Items kind = Items.PRODUCT_LINES;
        private CustomerQuery query = CustomerQuery.all();
        private Clock clock = Clock.systemUTC();
        private boolean includeClosed;

        private Builder() {
        }

        public Builder items(Items value) {
            this.kind = Checks.notNull(value, "basket.items");
            return this;
        }

        /** Which customers are baskets; default all. */
        public Builder query(CustomerQuery value) {
            this.query = Checks.notNull(value, "basket.query");
            return this;
        }

        /** The clock whose date is the as-of date of snapshots. */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "basket.clock");
            return this;
        }

        public Builder includeClosed(boolean value) {
            this.includeClosed = value;
            return this;
        }

        public StoreBaskets build() {
            return new StoreBaskets(this);
        }
    }
}
