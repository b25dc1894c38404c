package io.crmkit.analytics.clv;

import java.util.Map;
import java.util.Optional;

/**
 * A fitted (or given) buy-till-you-die purchase model: customers buy at random while "alive" and
 * drop out unobserved. Times are in the model's {@link #unit()}; {@code x}, {@code tx} and
 * {@code age} describe one customer's history as in {@link RfmSummary} and are checked by its
 * rules ({@code ValidationException} naming the field).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface PurchaseModel permits BetaGeoModel, ParetoNbdModel {

    /** The model's name, for example {@code BG/NBD}. */
    String name();

    /** The time unit of the scale parameters. */
    PeriodUnit unit();

    /** Parameter name to value, in the model's order. */
    Map<String, Double> parameters();

    /** How the model was fitted; empty for a model built from given parameters. */
    Optional<FitSummary> fitSummary();

    /** The log-likelihood of {@code data} (in this model's unit) under these parameters. */
    double logLikelihood(CustomerSummaries data);

    /** E[X(t)]: expected repeat purchases in (0, t] of a customer just acquired. */
    double expectedPurchases(double t);

    /** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] of a customer with this history. */
    double conditionalExpectedPurchases(double t, int x, double tx, double age);

    /** P(alive at T | x, t_x, T). */
    double probabilityAlive(int x, double tx, double age);

    /** P(alive at T + ahead | x, t_x, T). */
    double probabilityAlive(int x, double tx, double age, double ahead);

    /** P(X(t) = n): probability that a new customer makes exactly n repeat purchases in (0, t]. */
    double probabilityOfPurchases(int n, double t);

    /** {@link #conditionalExpectedPurchases(double, int, double, double)} for every row. */
    default double[] conditionalExpectedPurchases(double t, CustomerSummaries data) {
        checkUnit(data);
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = conditionalExpectedPurchases(t, data.frequency(i), data.recency(i), data.age(i));
        }
        return out;
    }

    /** {@link #probabilityAlive(int, double, double)} for every row. */
    default double[] probabilityAlive(CustomerSummaries data) {
        checkUnit(data);
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilityAlive(data.frequency(i), data.recency(i), data.age(i));
        }
        return out;
    }

    private void checkUnit(CustomerSummaries data) {
        io.crmkit.analytics.internal.Checks.notNull(data, "data");
        if (data.unit() != unit()) {
            throw io.crmkit.analytics.internal.Checks.invalid("data.unit", "SameUnit",
                    "must be the model's unit " + unit());
        }
    }
}
