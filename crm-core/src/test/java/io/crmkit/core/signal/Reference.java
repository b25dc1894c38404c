package io.crmkit.core.signal;

import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's documented semantics, computed the slow way from every accepted event kept in a list:
 * no rings, no buckets kept, no compiled trees. The tests compare the engine with this.
 */
final class Reference {
    static final long DAY = 86_400_000L;
    static final long[] LADDER = {1_000, 5_000, 10_000, 15_000, 30_000, 60_000, 300_000, 600_000, 900_000,
        1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, DAY, 2 * DAY, 3 * DAY, 7 * DAY,
        14 * DAY, 30 * DAY};

    record Fired(String ruleId, String eventId) {}

    private static final class Customer {
        final List<HostEvent> accepted = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final Map<String, Double> balances = new HashMap<>();
        Double seeded;
        final Map<String, Long> lastFired = new HashMap<>();
    }

    private final List<Rule> rules;
    private final Map<CustomerId, Customer> customers = new HashMap<>();
    final List<Fired> fired = new ArrayList<>();

    Reference(List<Rule> rules) {
        this.rules = rules;
    }

    void seedAssets(CustomerId id, double v) {
        customers.computeIfAbsent(id, k -> new Customer()).seeded = v;
    }

    Published publish(HostEvent e) {
        Customer c = customers.computeIfAbsent(e.customerId(), k -> new Customer());
        long t = e.at().toEpochMilli();
        long latest = c.accepted.isEmpty() ? Long.MIN_VALUE : c.accepted.get(c.accepted.size() - 1).at().toEpochMilli();
        if (t < latest) {
            return Published.LATE;
        }
        if (c.ids.contains(e.eventId())) {
            return Published.DUPLICATE;
        }
        HostEvent previousOfKind = null;
        for (int i = c.accepted.size() - 1; i >= 0; i--) {
            if (c.accepted.get(i).kind().equals(e.kind())) {
                previousOfKind = c.accepted.get(i);
                break;
            }
        }
        c.accepted.add(e);
        c.ids.add(e.eventId());
        if (e.kind().equals(EventKind.BALANCE_SNAPSHOT)) {
            c.balances.put(e.accountId().value(), e.value());
        }
        for (Rule r : rules) {
            if (!mentions(r.when(), e.kind())) {
                continue;
            }
            if (test(r.when(), c, e, previousOfKind)) {
                Long last = c.lastFired.get(r.id());
                if (last != null && t - last < r.suppressFor().toMillis()) {
                    continue;
                }
                c.lastFired.put(r.id(), t);
                fired.add(new Fired(r.id(), e.eventId()));
            }
        }
        return Published.ACCEPTED;
    }

    private static boolean mentions(Object node, EventKind k) {
        if (node instanceof Condition.Compare c) {
            return mentions(c.left(), k) || mentions(c.right(), k);
        } else if (node instanceof Condition.FirstAfterDormant f) {
            return f.kind().equals(k);
        } else if (node instanceof Condition.And a) {
            return mentions(a.left(), k) || mentions(a.right(), k);
        } else if (node instanceof Condition.Or o) {
            return mentions(o.left(), k) || mentions(o.right(), k);
        } else if (node instanceof Condition.Not n) {
            return mentions(n.inner(), k);
        } else if (node instanceof Expr.Arith a) {
            return mentions(a.left(), k) || mentions(a.right(), k);
        } else if (node instanceof Expr.Window w) {
            return w.kind().equals(k);
        }
        return false;
    }

    private static boolean test(Condition cond, Customer c, HostEvent e, HostEvent previousOfKind) {
        if (cond instanceof Condition.Compare cmp) {
            double a = eval(cmp.left(), c, e);
            double b = eval(cmp.right(), c, e);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return false;
            }
            return switch (cmp.op()) {
                case GE -> a >= b;
                case GT -> a > b;
                case LE -> a <= b;
                case LT -> a < b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        } else if (cond instanceof Condition.FirstAfterDormant f) {
            return e.kind().equals(f.kind()) && previousOfKind != null
                    && e.at().toEpochMilli() - previousOfKind.at().toEpochMilli() >= f.dormant().toMillis();
        } else if (cond instanceof Condition.And a) {
            return test(a.left(), c, e, previousOfKind) && test(a.right(), c, e, previousOfKind);
        } else if (cond instanceof Condition.Or o) {
            return test(o.left(), c, e, previousOfKind) || test(o.right(), c, e, previousOfKind);
        }
        return !test(((Condition.Not) cond).inner(), c, e, previousOfKind);
    }

    private static double eval(Expr x, Customer c, HostEvent e) {
        if (x instanceof Expr.Const k) {
            return k.value();
        } else if (x instanceof Expr.Assets) {
            if (!c.balances.isEmpty()) {
                return c.balances.values().stream().mapToDouble(Double::doubleValue).sum();
            }
            return c.seeded == null ? Double.NaN : c.seeded;
        } else if (x instanceof Expr.Window w) {
            long window = w.window().toMillis();
            long bucket = 0;
            for (long b : LADDER) {
                bucket = b;
                if ((window + b - 1) / b <= 48) {
                    break;
                }
            }
            long n = (window + bucket - 1) / bucket;
            long now = Math.floorDiv(e.at().toEpochMilli(), bucket);
            double count = 0;
            double sum = 0;
            Double max = null;
            for (HostEvent a : c.accepted) {
                long ab = Math.floorDiv(a.at().toEpochMilli(), bucket);
                if (a.kind().equals(w.kind()) && ab > now - n && ab <= now) {
                    count++;
                    sum += a.value();
                    max = max == null ? a.value() : Math.max(max, a.value());
                }
            }
            return switch (w.measure()) {
                case COUNT -> count;
                case SUM -> sum;
                case MAX -> max == null ? 0 : max;
                case AVG -> sum * ((double) DAY / ((double) n * bucket));
            };
        }
        Expr.Arith a = (Expr.Arith) x;
        double l = eval(a.left(), c, e);
        double r = eval(a.right(), c, e);
        return switch (a.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> r == 0 ? Double.NaN : l / r;
        };
    }
}
