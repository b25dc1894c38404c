package io.crmkit.analytics.nba;

import io.crmkit.analytics.internal.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * The context of one run: a weight per proposition id for what holds tonight for everyone, such as
 * the market (a weak market raises "reduce exposure" and lowers new-share subscription). A
 * proposition without a weight has weight 1; weight 0 switches it off for the run (it drops at
 * applicability: not relevant now).
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights proposition id to weight, 0 to 100
 */
public record NbaContext(Map<String, Double> weights) {

    private static final NbaContext NEUTRAL = new NbaContext(Map.of());

    public NbaContext {
        Checks.notNull(weights, "context.weights");
        if (weights.size() > 10_000) {
            throw Checks.invalid("context.weights", "Size", "must have at most 10000 entries");
        }
        Map<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Checks.code(e.getKey(), "context.weights key");
            Checks.notNull(e.getValue(), "context.weights." + e.getKey());
            copy.put(e.getKey(), Checks.between(e.getValue(), 0, 100, "context.weights." + e.getKey()));
        }
        weights = Map.copyOf(copy);
    }

    /** Every weight 1. */
    public static NbaContext neutral() {
        return NEUTRAL;
    }

    public static NbaContext of(Map<String, Double> weights) {
        return new NbaContext(weights);
    }

    /** The weight of a proposition, 1 when none was set. */
    public double weight(String propositionId) {
        return weights.getOrDefault(propositionId, 1.0);
    }
}
