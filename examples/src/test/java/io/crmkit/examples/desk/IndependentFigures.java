package io.crmkit.examples.desk;

import io.crmkit.core.account.AccountRole;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.Holding;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.examples.NightInsights;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The night's figures worked out again by the tests straight from the store and the trade ledger,
 * without the library's analytics: the book as the night saw it (customers and accounts created by
 * the night, before the desk's own seeding added more), product-line holdings counted by hand,
 * repeat trades and mean repeat commission from the raw ledger, assets summed from the snapshots.
 */
public final class IndependentFigures {
    /** When the night ran: the desk's seeding comes later. */
    public static final Instant NIGHT = Instant.parse("2026-03-31T20:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private final CrmStore store;
    private final List<Customer> customers = new ArrayList<>();
    private final Map<String, List<LinkedAccount>> accounts = new TreeMap<>();

    /** Reads the night's book from the store. */
    public IndependentFigures(CrmStore store) {
        this.store = store;
        try (Stream<Customer> s = store.customers().stream(CustomerQuery.all())) {
            s.filter(c -> !c.meta().createdAt().isAfter(NIGHT)).forEach(customers::add);
        }
        for (Customer c : customers) {
            accounts.put(c.id().value(), store.accounts().findByCustomer(c.id()).stream()
                    .filter(a -> !a.meta().createdAt().isAfter(NIGHT) && a.role() != AccountRole.AUTHORISED).toList());
        }
    }

    public int customers() {
        return customers.size();
    }

    /** Customers holding every one of these product lines ("FUND + DEPOSIT" as the page prints them). */
    public long holders(String... lineLists) {
        Set<String> wanted = new HashSet<>();
        for (String list : lineLists) {
            wanted.addAll(Arrays.asList(list.split(" \\+ ")));
        }
        return accounts.values().stream().filter(held -> {
            Set<String> lines = new HashSet<>();
            held.forEach(a -> lines.add(a.productLine().name()));
            return lines.containsAll(wanted);
        }).count();
    }

    /** Whether the customer holds any of these product lines ("FUND + DEPOSIT"). */
    public boolean holdsAny(String customerId, String lineList) {
        List<String> lines = Arrays.asList(lineList.split(" \\+ "));
        return accounts.getOrDefault(customerId, List.of()).stream().anyMatch(a -> lines.contains(a.productLine().name()));
    }

    /** Customers of the night's book owned by {@code staff}. */
    public long ownedBy(String staff) {
        return customers.stream().filter(c -> c.owner() != null && c.owner().value().equals(staff)).count();
    }

    /** Assets of the night's book: cash and holdings of each account's newest snapshot by the as-of date. */
    public double totalAssets() {
        double total = 0;
        for (List<LinkedAccount> held : accounts.values()) {
            for (LinkedAccount a : held) {
                AccountSnapshot s = store.accounts().latestSnapshot(a.id(), AS_OF).orElse(null);
                if (s != null) {
                    total += s.cash().amount().doubleValue();
                    for (Holding h : s.holdings()) {
                        total += h.marketValue().amount().doubleValue();
                    }
                }
            }
        }
        return total;
    }

    /** Repeat trades: distinct trading days after the first. */
    public static int repeatTrades(List<NightInsights.Trade> trades) {
        return (int) trades.stream().map(NightInsights.Trade::day).distinct().count() - 1;
    }

    /** The mean of the repeat days' commission totals (0 without a repeat day). */
    public static double meanRepeatCommission(List<NightInsights.Trade> trades) {
        Map<LocalDate, Double> byDay = new TreeMap<>();
        trades.forEach(t -> byDay.merge(t.day(), t.commission(), Double::sum));
        List<Double> totals = new ArrayList<>(byDay.values());
        return totals.size() < 2 ? 0 : totals.subList(1, totals.size()).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Gamma-Gamma's conditional expected spend, from the paper's formula. */
    public static double expectedSpend(double p, double q, double v, int x, double mean) {
        double population = p * v / (q - 1);
        double w = p * x / (p * x + q - 1);
        return (1 - w) * population + w * mean;
    }
}
