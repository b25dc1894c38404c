package io.crmkit.analytics.segment;

import io.crmkit.analytics.feature.ColumnType;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.segment.Condition.Op;
import io.crmkit.analytics.segment.Condition.Value;
import java.util.List;

/**
 * Evaluates a condition over a whole frame as bitmaps (one bit per row, 64 rows per word):
 * leaves scan one column, and/or/not combine words. Errors name the text position of the node.
 * Stateless; thread-safe.
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    static long[] evaluate(Condition c, FeatureFrame frame) {
        int n = frame.size();
        if (c instanceof Condition.And) {
            long[] a = evaluate(((Condition.And) c).left(), frame);
            long[] b = evaluate(((Condition.And) c).right(), frame);
            for (int w = 0; w < a.length; w++) {
                a[w] &= b[w];
            }
            return a;
        }
        if (c instanceof Condition.Or) {
            long[] a = evaluate(((Condition.Or) c).left(), frame);
            long[] b = evaluate(((Condition.Or) c).right(), frame);
            for (int w = 0; w < a.length; w++) {
                a[w] |= b[w];
            }
            return a;
        }
        if (c instanceof Condition.Not) {
            long[] a = evaluate(((Condition.Not) c).inner(), frame);
            for (int w = 0; w < a.length; w++) {
                a[w] = ~a[w];
            }
            clearTail(a, n);
            return a;
        }
        if (c instanceof Condition.Compare) {
            return compare((Condition.Compare) c, frame);
        }
        if (c instanceof Condition.Between) {
            Condition.Between b = (Condition.Between) c;
            double[] col = numeric(frame, b.feature(), b.position());
            double lo = number(b.low(), b.feature());
            double hi = number(b.high(), b.feature());
            if (lo > hi) {
                throw new SegmentSyntaxException(b.low().position(),
                        "the lower bound of 'between' must not exceed the upper bound");
            }
            long[] bits = new long[words(n)];
            for (int i = 0; i < n; i++) {
                double v = col[i];
                bits[i >>> 6] |= (v >= lo && v <= hi ? 1L : 0L) << i;
            }
            return bits;
        }
        return in((Condition.In) c, frame);
    }

    private static long[] compare(Condition.Compare c, FeatureFrame frame) {
        int n = frame.size();
        long[] bits = new long[words(n)];
        requireFeature(frame, c.feature(), c.position());
        if (frame.type(c.feature()) == ColumnType.CATEGORY) {
            if (c.op() != Op.EQ && c.op() != Op.NE) {
                throw new SegmentSyntaxException(c.position(), "'" + c.feature()
                        + "' is a category: use =, !=, or in, not " + c.op().symbol());
            }
            boolean[] allowed = labels(frame, c.feature(), List.of(c.value()));
            int[] codes = frame.categoryCodes(c.feature());
            boolean eq = c.op() == Op.EQ;
            for (int i = 0; i < n; i++) {
                int code = codes[i];
                boolean hit = code >= 0 && allowed[code];
                bits[i >>> 6] |= (hit == eq ? 1L : 0L) << i;
            }
            return bits;
        }
        double[] col = numeric(frame, c.feature(), c.position());
        double x = number(c.value(), c.feature());
        switch (c.op()) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] == x ? 1L : 0L) << i;
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] != x ? 1L : 0L) << i;
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] < x ? 1L : 0L) << i;
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] <= x ? 1L : 0L) << i;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] > x ? 1L : 0L) << i;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    bits[i >>> 6] |= (col[i] >= x ? 1L : 0L) << i;
                }
        }
        return bits;
    }

    private static long[] in(Condition.In c, FeatureFrame frame) {
        int n = frame.size();
        long[] bits = new long[words(n)];
        requireFeature(frame, c.feature(), c.position());
        if (frame.type(c.feature()) == ColumnType.CATEGORY) {
            boolean[] allowed = labels(frame, c.feature(), c.values());
            int[] codes = frame.categoryCodes(c.feature());
            for (int i = 0; i < n; i++) {
                int code = codes[i];
                bits[i >>> 6] |= (code >= 0 && allowed[code] ? 1L : 0L) << i;
            }
            return bits;
        }
        double[] col = numeric(frame, c.feature(), c.position());
        double[] xs = new double[c.values().size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = number(c.values().get(k), c.feature());
        }
        for (int i = 0; i < n; i++) {
            double v = col[i];
            boolean hit = false;
            for (double x : xs) {
                hit |= v == x;
            }
            bits[i >>> 6] |= (hit ? 1L : 0L) << i;
        }
        return bits;
    }

    private static boolean[] labels(FeatureFrame frame, String feature, List<Value> values) {
        List<String> levels = frame.categoryLevels(feature);
        boolean[] allowed = new boolean[levels.size()];
        for (Value v : values) {
            int idx = v.numeric() ? -1 : levels.indexOf(v.text());
            if (idx < 0) {
                throw new SegmentSyntaxException(v.position(), "'" + shorten(v.text()) + "' is not a value of '"
                        + feature + "'; known values: " + shortList(levels));
            }
            allowed[idx] = true;
        }
        return allowed;
    }

    private static double[] numeric(FeatureFrame frame, String feature, int position) {
        requireFeature(frame, feature, position);
        if (frame.type(feature) == ColumnType.CATEGORY) {
            throw new SegmentSyntaxException(position, "'" + feature + "' is a category, a number range does not apply");
        }
        return frame.numeric(feature);
    }

    private static double number(Value v, String feature) {
        if (!v.numeric()) {
            throw new SegmentSyntaxException(v.position(), "'" + feature + "' is a number: expected a number, found '"
                    + shorten(v.text()) + "'");
        }
        return v.number();
    }

    private static void requireFeature(FeatureFrame frame, String feature, int position) {
        if (!frame.has(feature)) {
            throw new SegmentSyntaxException(position, "unknown feature '" + shorten(feature) + "'");
        }
    }

    static int words(int n) {
        return (n + 63) >>> 6;
    }

    static void clearTail(long[] bits, int n) {
        if ((n & 63) != 0) {
            bits[bits.length - 1] &= (1L << (n & 63)) - 1;
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    private static String shortList(List<String> levels) {
        return levels.size() > 10 ? levels.subList(0, 10) + " and " + (levels.size() - 10) + " more" : levels.toString();
    }
}
