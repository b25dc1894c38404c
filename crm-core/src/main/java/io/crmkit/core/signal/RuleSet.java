package io.crmkit.core.signal;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules compiled for the kernel: the event kinds they mention (indexed), the rolling windows they
 * need (one ring per kind and bucket size, as long as the longest window on it), and for each kind
 * the rings to update and the rules to evaluate. Immutable and thread-safe.
 *
 * <p>Bucket size: the smallest of 1s, 5s, 10s, 15s, 30s, 1m, 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h,
 * 1d, 2d, 3d, 7d, 14d, 30d that covers the window in at most {@value #MAX_SLOTS} buckets; the window
 * is then the current bucket and the {@code ceil(W / B) - 1} before it.
 */
final class RuleSet {
    static final int MAX_SLOTS = 48;
    static final int MAX_RULES = 256;
    static final long DAY = 86_400_000L;
    private static final long[] LADDER = {1_000, 5_000, 10_000, 15_000, 30_000, 60_000, 300_000, 600_000, 900_000,
        1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, DAY, 2 * DAY, 3 * DAY, 7 * DAY,
        14 * DAY, 30 * DAY};

    final List<Rule> rules;
    final Map<EventKind, Integer> kinds;
    /** The mentioned kinds by index, for a lookup by identity before the map. */
    private final EventKind[] kindArray;
    final Ring[] series;
    final int[][] seriesOfKind;
    /** Per kind, the length of the slab holding its rings. */
    final int[] slabLength;
    /** Where the rules' last firings start in a customer's record, and the record's length (see {@link CustomerState}). */
    final int firedAt;
    final int recordLength;
    final int[][] rulesOfKind;
    final Test[] tests;
    final long[] suppressMillis;
    final long fingerprint;

    RuleSet(List<Rule> input) {
        Check.that(!input.isEmpty() && input.size() <= MAX_RULES, "rules", "Size",
                "must hold 1 to " + MAX_RULES + " rules");
        this.rules = List.copyOf(input);
        Map<String, Boolean> ids = new HashMap<>();
        for (Rule r : rules) {
            if (ids.put(r.id(), Boolean.TRUE) != null) {
                throw ValidationException.of("rules", "UniqueIds", "rule id " + r.id() + " appears twice");
            }
        }
        kinds = new LinkedHashMap<>();
        Map<String, int[]> ringSpec = new LinkedHashMap<>(); // "kind:bucket" -> [kind, slots, sums, maxima, counts]
        List<List<Integer>> triggered = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<EventKind> mentioned = new ArrayList<>();
            collect(rules.get(r).when(), mentioned, ringSpec, 0);
            for (EventKind k : mentioned) {
                int idx = kindIndex(k);
                while (triggered.size() <= idx) {
                    triggered.add(new ArrayList<>());
                }
                if (!triggered.get(idx).contains(r)) {
                    triggered.get(idx).add(r);
                }
            }
        }
        List<Ring> layout = new ArrayList<>();
        Map<String, Integer> seriesIndex = new HashMap<>();
        // a kind's slab: the heads of its rings side by side, then the rings' buckets
        slabLength = new int[kinds.size()];
        int[] heads = new int[kinds.size()];
        for (int[] v : ringSpec.values()) {
            slabLength[v[0]] += Ring.HEAD;
        }
        for (Map.Entry<String, int[]> e : ringSpec.entrySet()) {
            int[] v = e.getValue();
            long bucket = Long.parseLong(e.getKey().substring(e.getKey().indexOf(':') + 1));
            seriesIndex.put(e.getKey(), layout.size());
            Ring ring = new Ring(v[0], bucket, v[1], v[4] == 1, v[2] == 1, v[3] == 1, heads[v[0]], slabLength[v[0]]);
            heads[v[0]] += Ring.HEAD;
            slabLength[v[0]] += ring.cellsLength();
            layout.add(ring);
        }
        firedAt = CustomerState.TIMES + 2 * kinds.size();
        recordLength = firedAt + rules.size();
        series = layout.toArray(new Ring[0]);
        kindArray = kinds.keySet().toArray(new EventKind[0]);
        seriesOfKind = new int[kinds.size()][];
        rulesOfKind = new int[kinds.size()][];
        for (int k = 0; k < kinds.size(); k++) {
            final int kk = k;
            seriesOfKind[k] = java.util.stream.IntStream.range(0, series.length).filter(s -> series[s].kind == kk).toArray();
            rulesOfKind[k] = k < triggered.size() ? triggered.get(k).stream().mapToInt(Integer::intValue).toArray() : new int[0];
        }
        tests = new Test[rules.size()];
        suppressMillis = new long[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            tests[r] = compile(rules.get(r).when(), seriesIndex);
            suppressMillis[r] = rules.get(r).suppressFor().toMillis();
        }
        StringBuilder fp = new StringBuilder();
        for (Rule r : rules) {
            fp.append(r.id()).append('|').append(r.when()).append('|').append(r.suppressFor()).append(';');
        }
        fingerprint = Hash64.of(fp.toString());
    }

    int kindIndex(EventKind k) {
        return kinds.computeIfAbsent(k, x -> kinds.size());
    }

    /** The index of a mentioned kind, or -1. */
    int indexOf(EventKind k) {
        for (int i = 0; i < kindArray.length; i++) {
            if (kindArray[i] == k) {
                return i;
            }
        }
        for (EventKind builtIn : EventKind.BUILT_IN) {
            if (builtIn == k) {
                return -1; // a built-in kind no rule mentions (the common case): no hashing of the record
            }
        }
        Integer i = kinds.get(k); // an equal kind made by the host's own constructor call
        return i == null ? -1 : i;
    }

    /** Marks every ring of a new slab of kind {@code k}, at {@code base} in {@code p}, empty. */
    void initSlab(int k, long[] p, int base) {
        for (int si : seriesOfKind[k]) {
            series[si].init(p, base);
        }
    }

    static long bucketFor(Duration window) {
        long w = window.toMillis();
        for (long b : LADDER) {
            if (slotsFor(w, b) <= MAX_SLOTS) {
                return b;
            }
        }
        return LADDER[LADDER.length - 1];
    }

    static int slotsFor(long windowMillis, long bucketMillis) {
        return (int) ((windowMillis + bucketMillis - 1) / bucketMillis);
    }

    private void collect(Object node, List<EventKind> mentioned, Map<String, int[]> ringSpec, int depth) {
        Check.that(depth <= 64, "when", "Depth", "is nested deeper than 64 levels");
        if (node instanceof Condition.Compare c) {
            collect(c.left(), mentioned, ringSpec, depth + 1);
            collect(c.right(), mentioned, ringSpec, depth + 1);
        } else if (node instanceof Condition.FirstAfterDormant f) {
            mentioned.add(f.kind());
        } else if (node instanceof Condition.And a) {
            collect(a.left(), mentioned, ringSpec, depth + 1);
            collect(a.right(), mentioned, ringSpec, depth + 1);
        } else if (node instanceof Condition.Or o) {
            collect(o.left(), mentioned, ringSpec, depth + 1);
            collect(o.right(), mentioned, ringSpec, depth + 1);
        } else if (node instanceof Condition.Not n) {
            collect(n.inner(), mentioned, ringSpec, depth + 1);
        } else if (node instanceof Expr.Arith a) {
            collect(a.left(), mentioned, ringSpec, depth + 1);
            collect(a.right(), mentioned, ringSpec, depth + 1);
        } else if (node instanceof Expr.Window w) {
            mentioned.add(w.kind());
            int kind = kindIndex(w.kind());
            long bucket = bucketFor(w.window());
            int slots = slotsFor(w.window().toMillis(), bucket);
            int[] spec = ringSpec.computeIfAbsent(kind + ":" + bucket, x -> new int[] {kind, 0, 0, 0, 0});
            spec[1] = Math.max(spec[1], slots);
            if (w.measure() == Measure.SUM || w.measure() == Measure.AVG) {
                spec[2] = 1;
            }
            if (w.measure() == Measure.MAX) {
                spec[3] = 1;
            }
            if (w.measure() == Measure.COUNT) {
                spec[4] = 1;
            }
        }
    }

    // compiled evaluators --------------------------------------------------------------------

    /** A compiled condition. */
    abstract static class Test {
        abstract boolean test(Segment seg, long[] p, int base, long t, int kind, long previousOfKind);
    }

    /** A compiled number. */
    abstract static class Num {
        abstract double eval(Segment seg, long[] p, int base, long t);
    }

    private Test compile(Condition c, Map<String, Integer> seriesIndex) {
        if (c instanceof Condition.Compare cmp) {
            Num l = compile(cmp.left(), seriesIndex);
            Num r = compile(cmp.right(), seriesIndex);
            Condition.Op op = cmp.op();
            return new Test() {
                @Override
                boolean test(Segment seg, long[] p, int base, long t, int kind, long prev) {
                    double a = l.eval(seg, p, base, t);
                    double b = r.eval(seg, p, base, t);
                    if (Double.isNaN(a) || Double.isNaN(b)) {
                        return false;
                    }
                    return switch (op) {
                        case GE -> a >= b;
                        case GT -> a > b;
                        case LE -> a <= b;
                        case LT -> a < b;
                        case EQ -> a == b;
                        case NE -> a != b;
                    };
                }
            };
        }
        if (c instanceof Condition.FirstAfterDormant f) {
            int k = indexOf(f.kind());
            long w = f.dormant().toMillis();
            return new Test() {
                @Override
                boolean test(Segment seg, long[] p, int base, long t, int kind, long prev) {
                    return kind == k && prev != Long.MIN_VALUE && t - prev >= w;
                }
            };
        }
        if (c instanceof Condition.And a) {
            Test l = compile(a.left(), seriesIndex);
            Test r = compile(a.right(), seriesIndex);
            return new Test() {
                @Override
                boolean test(Segment seg, long[] p, int base, long t, int kind, long prev) {
                    return l.test(seg, p, base, t, kind, prev) && r.test(seg, p, base, t, kind, prev);
                }
            };
        }
        if (c instanceof Condition.Or o) {
            Test l = compile(o.left(), seriesIndex);
            Test r = compile(o.right(), seriesIndex);
            return new Test() {
                @Override
                boolean test(Segment seg, long[] p, int base, long t, int kind, long prev) {
                    return l.test(seg, p, base, t, kind, prev) || r.test(seg, p, base, t, kind, prev);
                }
            };
        }
        Test inner = compile(((Condition.Not) c).inner(), seriesIndex);
        return new Test() {
            @Override
            boolean test(Segment seg, long[] p, int base, long t, int kind, long prev) {
                return !inner.test(seg, p, base, t, kind, prev);
            }
        };
    }

    private Num compile(Expr e, Map<String, Integer> seriesIndex) {
        if (e instanceof Expr.Const c) {
            double v = c.value();
            return new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    return v;
                }
            };
        }
        if (e instanceof Expr.Assets) {
            return new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    return Double.longBitsToDouble(p[base + CustomerState.ASSETS]);
                }
            };
        }
        if (e instanceof Expr.Window w) {
            long bucket = bucketFor(w.window());
            int n = slotsFor(w.window().toMillis(), bucket);
            Ring ring = series[seriesIndex.get(indexOf(w.kind()) + ":" + bucket)];
            int kind = ring.kind;
            int slabAt = CustomerState.slabAt(kind);
            Measure m = w.measure();
            double perDay = (double) DAY / ((double) n * bucket);
            return new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    int slab = (int) p[base + slabAt] - 1;
                    if (slab < 0) {
                        return 0;
                    }
                    double v = ring.measure(seg.slabPage(kind, slab), seg.slabBase(kind, slab), m, ring.bucketOf(t), n);
                    return m == Measure.AVG ? v * perDay : v;
                }
            };
        }
        Expr.Arith a = (Expr.Arith) e;
        Num l = compile(a.left(), seriesIndex);
        Num r = compile(a.right(), seriesIndex);
        return switch (a.op()) {
            case '+' -> new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    return l.eval(seg, p, base, t) + r.eval(seg, p, base, t);
                }
            };
            case '-' -> new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    return l.eval(seg, p, base, t) - r.eval(seg, p, base, t);
                }
            };
            case '*' -> new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    return l.eval(seg, p, base, t) * r.eval(seg, p, base, t);
                }
            };
            default -> new Num() {
                @Override
                double eval(Segment seg, long[] p, int base, long t) {
                    double d = r.eval(seg, p, base, t);
                    return d == 0 ? Double.NaN : l.eval(seg, p, base, t) / d;
                }
            };
        };
    }
}
