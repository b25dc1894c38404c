package io.crmkit.benchmarks.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.alert.AlertSeverity;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.signal.EventKind;
import io.crmkit.core.signal.HostEvent;
import io.crmkit.core.signal.Rule;

/**
 * The benchmark feed: 10 rules of the kinds a brokerage runs, and a seeded host feed over many
 * customers. The random parts are drawn once into arrays; {@link #next()} builds a fresh event (new
 * id, time moving forward 10 ms per event) from them, as a host would. Not thread-safe.
 */
final class RealtimeFeed {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int SIZE = 1 << 20;
    private static final EventKind[] MIX = new EventKind[100];

    static {
        fill(0, 40, EventKind.TRADE);
        fill(40, 60, EventKind.LOGIN);
        fill(60, 65, EventKind.FAILED_LOGIN);
        fill(65, 73, EventKind.DEPOSIT);
        fill(73, 81, EventKind.WITHDRAWAL);
        fill(81, 84, EventKind.TRANSFER_OUT);
        fill(84, 87, EventKind.REDEMPTION);
        fill(87, 92, EventKind.POSITION_CHANGE);
        fill(92, 94, EventKind.MARGIN_CALL);
        fill(94, 100, EventKind.BALANCE_SNAPSHOT);
    }

    final CustomerId[] customers;
    final AccountId[] accounts;
    private final int[] who = new int[SIZE];
    private final EventKind[] kind = new EventKind[SIZE];
    private final double[] value = new double[SIZE];
    private long seq;
    private final long startMillis = START.toEpochMilli();

    RealtimeFeed(int customerCount, long seed) {
        customers = new CustomerId[customerCount];
        accounts = new AccountId[customerCount];
        for (int i = 0; i < customerCount; i++) {
            customers[i] = CustomerId.of("c" + i);
            accounts[i] = AccountId.of("a" + i);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i++) {
            who[i] = rnd.nextInt(customerCount);
            kind[i] = MIX[rnd.nextInt(100)];
            // assets of 1M to 20M against tickets up to 200k: alerts are the exception, as on a real desk
            value[i] = kind[i] == EventKind.BALANCE_SNAPSHOT ? 1_000_000 + rnd.nextInt(19_000_000)
                    : kind[i] == EventKind.LOGIN || kind[i] == EventKind.FAILED_LOGIN ? 0 : 100 + rnd.nextInt(200_000);
        }
    }

    private static void fill(int from, int to, EventKind k) {
        for (int i = from; i < to; i++) {
            MIX[i] = k;
        }
    }

    HostEvent next() {
        long s = seq++;
        int i = (int) (s & (SIZE - 1));
        int c = customerOf(s, i);
        return new HostEvent("e" + s, kind[i], customers[c], accounts[c], Instant.ofEpochMilli(startMillis + s * 10),
                value[i]);
    }

    /** The draws repeat every 2^20 events; each round shifts them so every customer gets events. */
    private int customerOf(long s, int i) {
        return (int) ((who[i] + (s >>> 20) * 7_919L) % customers.length);
    }

    static List<Rule> rules() {
        return List.of(
                Rule.parse("large-withdrawal", "withdrawal.sum(7d) >= 0.5 * assets").withSeverity(AlertSeverity.HIGH),
                Rule.parse("brute-force", "failed_login.count(10m) >= 3").withSuppression(Duration.ofHours(1)),
                // with a history to compare with: without one, every first trade would be a "spike"
                Rule.parse("turnover-spike", "turnover(1d) >= 5 * turnover.avg(90d) and trade.count(90d) >= 10"),
                Rule.parse("back-from-dormant", "first trade after 90d dormant").withSuppression(Duration.ZERO),
                Rule.parse("transfer-out", "transfer_out.sum(30d) >= 0.3 * assets"),
                Rule.parse("redemptions", "redemption.sum(7d) >= 150000"),
                Rule.parse("margin-stress", "margin_call.count(3d) >= 2"),
                Rule.parse("big-ticket", "trade.max(1h) >= 0.2 * assets"),
                Rule.parse("in-and-out", "deposit.sum(1d) >= 50000 and withdrawal.sum(1d) >= 0.9 * deposit.sum(1d)"),
                Rule.parse("login-burst", "login.count(1h) >= 20"));
    }
}
