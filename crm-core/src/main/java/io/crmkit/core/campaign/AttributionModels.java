package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The library's attribution models: first touch, last touch, even (linear) and time decay.
 * Stateless and thread-safe.
 */
public final class AttributionModels {
    private AttributionModels() {}

    /** All credit to the earliest touch. */
    public static AttributionModel firstTouch() {
        return new Positional("first-touch", true);
    }

    /** All credit to the latest touch before the conversion. */
    public static AttributionModel lastTouch() {
        return new Positional("last-touch", false);
    }

    /** The same share to every touch. */
    public static AttributionModel linear() {
        return new AttributionModel() {
            @Override public String name() { return "linear"; }

            @Override
            public double[] credit(List<Touch> touches, Instant conversionAt) {
                double[] out = new double[touches.size()];
                java.util.Arrays.fill(out, 1.0 / touches.size());
                return out;
            }
        };
    }

    /**
     * Weights that halve with every {@code halfLife} between the touch and the conversion
     * ({@code 2^(-age/halfLife)}), normalised to sum to 1: a touch one half-life older than another
     * gets half its credit.
     *
     * @param halfLife 1 minute to 365 days
     */
    public static AttributionModel timeDecay(Duration halfLife) {
        Check.notNull(halfLife, "halfLife");
        if (halfLife.compareTo(Duration.ofMinutes(1)) < 0 || halfLife.compareTo(Duration.ofDays(365)) > 0) {
            throw ValidationException.of("halfLife", "Range", "must be 1 minute to 365 days");
        }
        double halfSeconds = halfLife.getSeconds();
        String name = "time-decay(" + halfLife + ")";
        return new AttributionModel() {
            @Override public String name() { return name; }

            @Override
            public double[] credit(List<Touch> touches, Instant conversionAt) {
                double[] w = new double[touches.size()];
                double youngest = Double.MAX_VALUE;
                double[] age = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    age[i] = Duration.between(touches.get(i).at(), conversionAt).getSeconds();
                    youngest = Math.min(youngest, age[i]);
                }
                // Relative to the youngest touch, so weights never underflow to zero all at once.
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.pow(2, -(age[i] - youngest) / halfSeconds);
                    sum += w[i];
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] /= sum;
                }
                return w;
            }
        };
    }

    private record Positional(String name, boolean first) implements AttributionModel {
        @Override
        public double[] credit(List<Touch> touches, Instant conversionAt) {
            double[] out = new double[touches.size()];
            out[first ? 0 : out.length - 1] = 1;
            return out;
        }
    }
}
