package io.crmkit.core.signal;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random host feeds: bursts and quiet spells, whole-number amounts, replays and duplicates mixed in. */
final class Streams {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final EventKind[] KINDS = {EventKind.TRADE, EventKind.TRADE, EventKind.WITHDRAWAL, EventKind.DEPOSIT,
        EventKind.FAILED_LOGIN, EventKind.FAILED_LOGIN, EventKind.LOGIN, EventKind.BALANCE_SNAPSHOT,
        EventKind.TRANSFER_OUT, EventKind.of("fx_swap")};

    private Streams() {}

    static List<CustomerId> customers(int n) {
        List<CustomerId> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(CustomerId.of("c-" + i));
        }
        return out;
    }

    /**
     * {@code n} events over the customers, each customer's times non-decreasing (ties included); about 6% of
     * entries repeat an earlier event (the last one, or one further back) and about 1% are late.
     */
    static List<HostEvent> feed(long seed, List<CustomerId> customers, int n) {
        Random rnd = new Random(seed);
        long[] clock = new long[customers.size()];
        java.util.Arrays.fill(clock, START.toEpochMilli());
        List<HostEvent> out = new ArrayList<>(n);
        int seq = 0;
        while (out.size() < n) {
            double roll = rnd.nextDouble();
            if (roll < 0.04 && !out.isEmpty()) {
                out.add(out.get(out.size() - 1));
                continue;
            }
            if (roll < 0.06 && !out.isEmpty()) {
                out.add(out.get(rnd.nextInt(out.size())));
                continue;
            }
            int c = rnd.nextInt(customers.size());
            double gapRoll = rnd.nextDouble();
            long gap = gapRoll < 0.15 ? 0 : gapRoll < 0.55 ? rnd.nextInt(60_000) : gapRoll < 0.85 ? rnd.nextInt(7_200_000)
                    : gapRoll < 0.98 ? (long) rnd.nextInt(3 * 86_400) * 1000 : (long) rnd.nextInt(120) * 86_400_000L;
            long t = clock[c] + gap;
            if (roll < 0.07) {
                t = clock[c] - 1 - rnd.nextInt(10_000); // late: older than the customer's latest
            } else {
                clock[c] = t;
            }
            EventKind kind = KINDS[rnd.nextInt(KINDS.length)];
            CustomerId customer = customers.get(c);
            AccountId account = AccountId.of("a-" + c + "-" + rnd.nextInt(3));
            double value = kind.equals(EventKind.BALANCE_SNAPSHOT) ? 10_000 * (1 + rnd.nextInt(200))
                    : kind.equals(EventKind.LOGIN) || kind.equals(EventKind.FAILED_LOGIN) ? 0
                    : kind.name().equals("fx_swap") ? rnd.nextInt(20_001) - 10_000 : 100 * (1 + rnd.nextInt(5_000));
            out.add(new HostEvent("e" + seq++, kind, customer, account, Instant.ofEpochMilli(t), value));
        }
        return out;
    }

    /** Rules touching every measure, arithmetic, dormancy, and/or/not and several suppression windows. */
    static List<Rule> rules() {
        return List.of(
                Rule.parse("large-withdrawal", "withdrawal.sum(7d) >= 0.5 * assets"),
                Rule.parse("brute-force", "failed_login.count(10m) >= 3").withSuppression(java.time.Duration.ofHours(1)),
                Rule.parse("turnover-spike", "turnover(1d) >= 5 * turnover.avg(90d) and trade.count(1d) >= 2")
                        .withSuppression(java.time.Duration.ZERO),
                Rule.parse("reactivated", "first trade after 30d dormant").withSuppression(java.time.Duration.ZERO),
                Rule.parse("outflow", "(withdrawal.sum(3d) + transfer_out.sum(3d)) / 2 > deposit.max(14d) or transfer_out.max(1h) >= 400000")
                        .withSuppression(java.time.Duration.ofMinutes(30)),
                Rule.parse("fx-loss", "fx_swap.sum(2h) < -15000 and not fx_swap.count(2h) > 5"),
                Rule.parse("quiet-logins", "login.count(400d) == 1 or deposit.avg(45d) >= 300000"),
                Rule.of("big-ticket", Expr.max(EventKind.TRADE, java.time.Duration.ofMinutes(90)).atLeast(Expr.assets().times(0.2)))
                        .withSuppression(java.time.Duration.ofHours(6)));
    }
}
