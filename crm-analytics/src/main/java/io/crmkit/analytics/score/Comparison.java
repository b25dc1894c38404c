package io.crmkit.analytics.score;

/**
 * How a scorecard rule compares a feature with its threshold. Immutable and thread-safe.
 */
public enum Comparison {
    LESS_THAN("<"),
    AT_MOST("<="),
    GREATER_THAN(">"),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double value, double threshold) {
        switch (this) {
            case LESS_THAN:
                return value < threshold;
            case AT_MOST:
                return value <= threshold;
            case GREATER_THAN:
                return value > threshold;
            default:
                return value >= threshold;
        }
    }
}
