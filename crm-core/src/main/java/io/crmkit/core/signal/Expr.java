package io.crmkit.core.signal;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;

/**
 * A number a rule computes for a customer when an event arrives: a constant, a measure over a
 * rolling window of one kind of event, the customer's {@code assets} baseline, or arithmetic on
 * those. The Java form of the text rules: {@code Expr.sum(WITHDRAWAL, Duration.ofDays(7))} is
 * {@code withdrawal.sum(7d)}.
 *
 * <p>Semantics: windows are bucketed (see {@link SignalEngine}); an empty window counts and sums
 * to 0 and has maximum 0; {@code assets} is unknown (no snapshot yet) as NaN; division by zero is
 * NaN; a comparison with NaN is false, so a rule never fires on a number it does not have.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Expr {
    /** The longest window a rule may use. */
    Duration MAX_WINDOW = Duration.ofDays(400);

    /** A constant. */
    record Const(double value) implements Expr {
        public Const {
            Check.that(Double.isFinite(value), "value", "Finite", "must be a finite number");
        }
    }

    /** A measure over the events of {@code kind} in the rolling window {@code window}. */
    record Window(EventKind kind, Measure measure, Duration window) implements Expr {
        public Window {
            Check.notNull(kind, "kind");
            Check.notNull(measure, "measure");
            Check.notNull(window, "window");
            if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw ValidationException.of("window", "Range", "must be between 1s and 400d");
            }
        }
    }

    /** The customer's assets: the sum of their accounts' latest balance snapshots (NaN before any). */
    record Assets() implements Expr {}

    /** Arithmetic: {@code +}, {@code -}, {@code *} or {@code /}. */
    record Arith(char op, Expr left, Expr right) implements Expr {
        public Arith {
            Check.that(op == '+' || op == '-' || op == '*' || op == '/', "op", "Operator", "must be + - * or /");
            Check.notNull(left, "left");
            Check.notNull(right, "right");
        }
    }

    static Expr constant(double value) {
        return new Const(value);
    }

    static Expr count(EventKind kind, Duration window) {
        return new Window(kind, Measure.COUNT, window);
    }

    static Expr sum(EventKind kind, Duration window) {
        return new Window(kind, Measure.SUM, window);
    }

    static Expr max(EventKind kind, Duration window) {
        return new Window(kind, Measure.MAX, window);
    }

    static Expr avg(EventKind kind, Duration window) {
        return new Window(kind, Measure.AVG, window);
    }

    static Expr assets() {
        return new Assets();
    }

    default Expr plus(Expr other) {
        return new Arith('+', this, other);
    }

    default Expr minus(Expr other) {
        return new Arith('-', this, other);
    }

    default Expr times(double factor) {
        return new Arith('*', new Const(factor), this);
    }

    default Expr times(Expr other) {
        return new Arith('*', this, other);
    }

    default Expr div(Expr other) {
        return new Arith('/', this, other);
    }

    default Condition atLeast(Expr other) {
        return new Condition.Compare(Condition.Op.GE, this, other);
    }

    default Condition atLeast(double value) {
        return atLeast(new Const(value));
    }

    default Condition greaterThan(Expr other) {
        return new Condition.Compare(Condition.Op.GT, this, other);
    }

    default Condition atMost(Expr other) {
        return new Condition.Compare(Condition.Op.LE, this, other);
    }

    default Condition lessThan(Expr other) {
        return new Condition.Compare(Condition.Op.LT, this, other);
    }
}
