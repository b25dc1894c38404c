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
 *
 * <p>Every node checks itself when built, in Java or by the parser: feature names, operators and
 * values are present and well-formed, a numeric value parses to a finite number, a range has
 * numeric bounds, a list holds 1 to {@value #MAX_LIST} values, and no condition nests deeper than
 * {@value #MAX_DEPTH} levels (an {@code and} chain of n terms is n levels deep). The bound keeps
 * evaluation, printing, {@code equals} and {@code hashCode}, which all walk the tree recursively,
 * far from the stack's limit; the parser's 4,000-character limit stays below it. A violation is
 * a {@link SegmentSyntaxException} at the node's position.
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

    /** Deepest nesting accepted, counting every and / or / not level. */
    int MAX_DEPTH = 1_000;
    /** Most values in one {@code in} list. */
    int MAX_LIST = SegmentParser.MAX_LIST;

    /**
     * How deep this condition nests: 1 for a leaf. Bounded by {@link #MAX_DEPTH} at construction,
     * so this recursion is too.
     */
    static int depth(Condition c) {
        if (c instanceof And a) {
            return 1 + Math.max(depth(a.left()), depth(a.right()));
        }
        if (c instanceof Or o) {
            return 1 + Math.max(depth(o.left()), depth(o.right()));
        }
        if (c instanceof Not n) {
            return 1 + depth(n.inner());
        }
        return 1;
    }

    private static void requireChild(Condition child, int position) {
        if (child == null) {
            throw new SegmentSyntaxException(position, "a condition must not be missing");
        }
    }

    private static void requireDepth(int depth, int position) {
        if (depth > MAX_DEPTH) {
            throw new SegmentSyntaxException(position, "conditions may nest at most " + MAX_DEPTH + " levels deep");
        }
    }

    private static String checkFeature(String feature, int position) {
        if (feature == null || !feature.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new SegmentSyntaxException(position,
                    "a feature name is 1 to 64 characters of a-z, 0-9 and _ starting with a letter");
        }
        return feature;
    }

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
        /** Longest literal accepted. */
        static final int MAX_LENGTH = 64;

        /** A numeric literal must parse to a finite number; a word is 1-64 of A-Z, 0-9 and _. */
        public Value {
            if (position < 0) {
                throw new SegmentSyntaxException(0, "a position must not be negative");
            }
            if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
                throw new SegmentSyntaxException(position, "a value must be 1 to " + MAX_LENGTH + " characters");
            }
            if (numeric) {
                double v;
                try {
                    if (!text.matches("-?[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?|-?\\.[0-9]+([eE][+-]?[0-9]+)?")) {
                        throw new NumberFormatException();
                    }
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new SegmentSyntaxException(position, "a numeric value must be a number such as 28, -5 or 0.25");
                }
                if (!Double.isFinite(v)) {
                    throw new SegmentSyntaxException(position, "number is too large");
                }
            } else if (!text.matches("[A-Z0-9_]+")) {
                throw new SegmentSyntaxException(position, "a word value is made of A-Z, 0-9 and _");
            }
        }

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
        public And {
            requireChild(left, 0);
            requireChild(right, 0);
            requireDepth(1 + Math.max(depth(left), depth(right)), 0);
        }

        @Override
        public String toText() {
            return wrap(left, this) + " and " + wrap(right, this);
        }
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
        public Or {
            requireChild(left, 0);
            requireChild(right, 0);
            requireDepth(1 + Math.max(depth(left), depth(right)), 0);
        }

        @Override
        public String toText() {
            return wrap(left, this) + " or " + wrap(right, this);
        }
    }

    /** The inner condition does not hold; {@code position} is the column of {@code not}. */
    record Not(Condition inner, int position) implements Condition {
        public Not {
            requireChild(inner, position);
            requireDepth(1 + depth(inner), position);
        }

        @Override
        public String toText() {
            return "not " + wrap(inner, this);
        }
    }

    /** {@code feature op value}; {@code position} is the column of the feature name. */
    record Compare(String feature, Op op, Value value, int position) implements Condition {
        public Compare {
            checkFeature(feature, position);
            if (op == null || value == null) {
                throw new SegmentSyntaxException(position, "a comparison needs an operator and a value");
            }
        }

        @Override
        public String toText() {
            return feature + " " + op.symbol() + " " + value.text();
        }
    }

    /** Inclusive range {@code low <= feature <= high}. */
    record Between(String feature, Value low, Value high, int position) implements Condition {
        public Between {
            checkFeature(feature, position);
            if (low == null || high == null || !low.numeric() || !high.numeric()) {
                throw new SegmentSyntaxException(position, "'between' needs two numbers");
            }
            if (low.number() > high.number()) {
                throw new SegmentSyntaxException(low.position(), "the lower bound of 'between' must not exceed the upper bound");
            }
        }

        @Override
        public String toText() {
            return feature + " between " + low.text() + " and " + high.text();
        }
    }

    /** The feature equals one of the values; {@code position} is the column of the feature name. */
    record In(String feature, List<Value> values, int position) implements Condition {
        public In {
            checkFeature(feature, position);
            if (values == null || values.isEmpty() || values.size() > MAX_LIST || values.stream().anyMatch(java.util.Objects::isNull)) {
                throw new SegmentSyntaxException(position, "'in' needs 1 to " + MAX_LIST + " values");
            }
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
