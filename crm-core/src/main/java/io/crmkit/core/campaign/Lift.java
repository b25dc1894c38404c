package io.crmkit.core.campaign;

/**
 * The campaign's lift: the conversion rate of the treated group minus the holdout's, with a 95%
 * confidence interval from the normal approximation to the difference of two proportions
 * ({@code d ± 1.96·sqrt(pt(1-pt)/nt + ph(1-ph)/nh)}, Wald). Intent to treat: every treated member
 * counts, whether the policy let the contact through or not, because only the whole treated group is
 * comparable with the randomly drawn holdout. A conversion here is a won opportunity within the
 * window after launch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param treated treated members counted
 * @param treatedConversions of them, how many converted
 * @param holdout holdout members counted
 * @param holdoutConversions of them, how many converted
 * @param difference treated rate minus holdout rate
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 */
public record Lift(long treated, long treatedConversions, long holdout, long holdoutConversions, double difference,
        double low, double high) {
    private static final double Z95 = 1.959963984540054;

    /** The lift of two groups; both must have members. */
    public static Lift of(long treated, long treatedConversions, long holdout, long holdoutConversions) {
        double pt = (double) treatedConversions / treated;
        double ph = (double) holdoutConversions / holdout;
        double se = Math.sqrt(pt * (1 - pt) / treated + ph * (1 - ph) / holdout);
        double d = pt - ph;
        return new Lift(treated, treatedConversions, holdout, holdoutConversions, d, d - Z95 * se, d + Z95 * se);
    }

    public double treatedRate() {
        return (double) treatedConversions / treated;
    }

    public double holdoutRate() {
        return (double) holdoutConversions / holdout;
    }
}
