package io.crmkit.analytics.segment;

import io.crmkit.analytics.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule over customer features that a segment is made of: comparisons, ranges and lists joined
 * by and / or / not. Build one in Java or parse the text form:
 *
 * <pre>{@code
 * Condition a = Condition.field("age").between(28, 60).and(Condition.field("tier").in("GOLD", "SILVER"));
 * Condition b = Condition.parse("age between 28 and 60 and tier in (GOLD, SILVER)");
 * }</pre>
 *
 * <p>{@link #toText()} gives text that parses back to an equal condition. Nodes carry the column
 * where they started in the parsed text (0 when built in Java) so that errors found when the
 * condition meets a frame point at the right place. All nodes are immutable records and
 * thread-safe.
 */
public sealed interface Condition
        permits Condition.And, Condition.Or, Condition.Not, Condition.Compare, Condition.Between, Condition.In {

    /** Parses the text form; see the module README for the grammar. */
    static Condition parse(String text) {
        return new SegmentParser(text).parse();
    }

    /** Starts a condition on a feature. */
    static Field field(String feature) {
        return new Field(Checks.featureName(feature, "feature"));
    }

    default Condition and(Condition other) {
        return new And(this, Checks.notNull(other, "condition"));
    }

    default Condition or(Condition other) {
        return new Or(this, Checks.notNull(other, "condition"));
    }

    default Condition negate() {
        return new Not(this, 0);
    }

    /** Text in the segment language, fully parenthesised where needed. */
    String toText();

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * A literal: a number or a word (a category label such as {@code GOLD}).
     *
     * @param text     the literal as written (words upper-cased)
     * @param numeric  whether it is a number
     * @param position 1-based column, 0 when built in Java
     */
    record Value(String text, boolean numeric, int position) {
        static Value number(double v) {
            return new Value(format(v), true, 0);
        }

        static Value word(String w) {
            return new Value(Checks.code(w.toUpperCase(Locale.ROOT), "value"), false, 0);
        }

        double number() {
            return Double.parseDouble(text);
        }

        private static String format(double v) {
            Checks.finite(v, "value");
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** Both sides hold. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public String toText() {
            return wrap(left, this) + " and " + wrap(right, this);
        }
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
        @Override
        public String toText() {
            return wrap(left, this) + " or " + wrap(right, this);
        }
    }

    /** The inner condition does not hold; {@code position} is the column of {@code not}. */
    record Not(Condition inner, int position) implements Condition {
        @Override
        public String toText() {
            return "not " + wrap(inner, this);
        }
    }

    /** {@code feature op value}; {@code position} is the column of the feature name. */
    record Compare(String feature, Op op, Value value, int position) implements Condition {
        @Override
        public String toText() {
            return feature + " " + op.symbol() + " " + value.text();
        }
    }

    /** Inclusive range {@code low <= feature <= high}. */
    record Between(String feature, Value low, Value high, int position) implements Condition {
        @Override
        public String toText() {
            return feature + " between " + low.text() + " and " + high.text();
        }
    }

    /** The feature equals one of the values; {@code position} is the column of the feature name. */
    record In(String feature, List<Value> values, int position) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public String toText() {
            StringBuilder sb = new StringBuilder(feature).append(" in (");
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(values.get(i).text());
            }
            return sb.append(')').toString();
        }
    }

    private static String wrap(Condition child, Condition parent) {
        boolean needs = child instanceof Or && !(parent instanceof Or)
                || child instanceof And && parent instanceof Not;
        return needs ? "(" + child.toText() + ")" : child.toText();
    }

    /** Fluent start of a leaf condition on one feature. Immutable and thread-safe. */
    final class Field {
        private final String feature;

        private Field(String feature) {
            this.feature = feature;
        }

        public Condition lessThan(double v) {
            return new Compare(feature, Op.LT, Value.number(v), 0);
        }

        public Condition atMost(double v) {
            return new Compare(feature, Op.LE, Value.number(v), 0);
        }

        public Condition greaterThan(double v) {
            return new Compare(feature, Op.GT, Value.number(v), 0);
        }

        public Condition atLeast(double v) {
            return new Compare(feature, Op.GE, Value.number(v), 0);
        }

        public Condition equalTo(double v) {
            return new Compare(feature, Op.EQ, Value.number(v), 0);
        }

        public Condition is(String label) {
            return new Compare(feature, Op.EQ, Value.word(label), 0);
        }

        public Condition between(double low, double high) {
            return new Between(feature, Value.number(low), Value.number(high), 0);
        }

        public Condition in(String... labels) {
            List<Value> vs = new ArrayList<>();
            for (String l : Checks.notNull(labels, "labels")) {
                vs.add(Value.word(Checks.notNull(l, "labels")));
            }
            if (vs.isEmpty()) {
                throw Checks.invalid("labels", "must not be empty");
            }
            return new In(feature, vs, 0);
        }

        public Condition in(double... numbers) {
            List<Value> vs = new ArrayList<>();
            for (double d : Checks.notNull(numbers, "numbers")) {
                vs.add(Value.number(d));
            }
            if (vs.isEmpty()) {
                throw Checks.invalid("numbers", "must not be empty");
            }
            return new In(feature, vs, 0);
        }
    }
}
