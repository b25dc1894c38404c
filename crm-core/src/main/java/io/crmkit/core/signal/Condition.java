package io.crmkit.core.signal;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;

/**
 * When a rule fires: comparisons of {@link Expr}essions, "first event of a kind after a dormant
 * spell", and their combinations. The text form's {@code first trade after 90d dormant} is
 * {@code Condition.firstAfterDormant(EventKind.TRADE, Duration.ofDays(90))}.
 *
 * <p>A rule is evaluated on every accepted event whose kind the condition mentions (in a window or
 * a dormancy test), with the customer's state already including that event.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Condition {
    /** Comparison operators. */
    enum Op { GE, GT, LE, LT, EQ, NE }

    /** {@code left op right}; false when either side is NaN (except {@code !=}, also false then). */
    record Compare(Op op, Expr left, Expr right) implements Condition {
        public Compare {
            Check.notNull(op, "op");
            Check.notNull(left, "left");
            Check.notNull(right, "right");
        }
    }

    /**
     * The event is of {@code kind} and the customer's previous event of that kind was at least
     * {@code dormant} earlier. Without a known previous one (none seen, none seeded) it is false.
     */
    record FirstAfterDormant(EventKind kind, Duration dormant) implements Condition {
        public FirstAfterDormant {
            Check.notNull(kind, "kind");
            Check.notNull(dormant, "dormant");
            if (dormant.compareTo(Duration.ofSeconds(1)) < 0 || dormant.compareTo(Expr.MAX_WINDOW) > 0) {
                throw ValidationException.of("dormant", "Range", "must be between 1s and 400d");
            }
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public And {
            Check.notNull(left, "left");
            Check.notNull(right, "right");
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Check.notNull(left, "left");
            Check.notNull(right, "right");
        }
    }

    record Not(Condition inner) implements Condition {
        public Not {
            Check.notNull(inner, "inner");
        }
    }

    static Condition firstAfterDormant(EventKind kind, Duration dormant) {
        return new FirstAfterDormant(kind, dormant);
    }

    default Condition and(Condition other) {
        return new And(this, other);
    }

    default Condition or(Condition other) {
        return new Or(this, other);
    }

    default Condition negate() {
        return new Not(this);
    }
}
