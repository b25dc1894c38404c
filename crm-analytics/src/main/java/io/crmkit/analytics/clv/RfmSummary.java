package io.crmkit.analytics.clv;

import io.crmkit.analytics.internal.Checks;
import java.util.OptionalDouble;

/**
 * One customer's purchase summary as the buy-till-you-die models read it: {@code frequency} x,
 * the number of repeat purchase periods after the first purchase; {@code recency} t_x, the time
 * from the first to the last purchase; {@code age} T, the time from the first purchase to the end
 * of observation; and optionally {@code monetary}, the mean value of the repeat purchases (the
 * Gamma-Gamma input; the first purchase is not counted, as in the literature).
 *
 * <p>Rules, checked here: id 1 to 64 characters without control characters; 0 <= x <= 10^7;
 * t_x and T finite with 0 <= t_x <= T <= 10^7; t_x = 0 when x = 0; monetary, when given, finite
 * and >= 0. Immutable and thread-safe. {@link #toString()} shows no values but the id.
 *
 * @param id the customer key (for example a {@code CustomerId}'s text)
 * @param frequency repeat purchases x
 * @param recency t_x, in the data's {@link PeriodUnit}
 * @param age T, in the same unit
 * @param monetary mean repeat spend, or {@code null} when not known
 */
public record RfmSummary(String id, int frequency, double recency, double age, Double monetary) {

    /** Largest x and T accepted. */
    public static final int MAX_VALUE = 10_000_000;

    public RfmSummary {
        Checks.text(id, 64, "id");
        if (frequency < 0 || frequency > MAX_VALUE) {
            throw Checks.invalid("frequency", "Range", "must be an integer between 0 and " + MAX_VALUE);
        }
        if (!Double.isFinite(age) || age < 0 || age > MAX_VALUE) {
            throw Checks.invalid("age", "Range", "must be a finite number between 0 and " + MAX_VALUE);
        }
        if (!Double.isFinite(recency) || recency < 0 || recency > age) {
            throw Checks.invalid("recency", "Range", "must be a finite number between 0 and age");
        }
        if (frequency == 0 && recency != 0) {
            throw Checks.invalid("recency", "ZeroWithoutRepeat", "must be 0 when frequency is 0");
        }
        if (monetary != null && (!Double.isFinite(monetary) || monetary < 0)) {
            throw Checks.invalid("monetary", "NonNegative", "must be a finite number >= 0");
        }
        recency = recency == 0 ? 0.0 : recency;
        age = age == 0 ? 0.0 : age;
    }

    /** A summary without spend. */
    public static RfmSummary of(String id, int frequency, double recency, double age) {
        return new RfmSummary(id, frequency, recency, age, null);
    }

    /** A summary with the mean repeat spend. */
    public static RfmSummary of(String id, int frequency, double recency, double age, double monetary) {
        return new RfmSummary(id, frequency, recency, age, monetary);
    }

    /** The mean repeat spend, when known. */
    public OptionalDouble monetaryValue() {
        return monetary == null ? OptionalDouble.empty() : OptionalDouble.of(monetary);
    }

    @Override
    public String toString() {
        return "RfmSummary[id=" + id + "]";
    }
}
