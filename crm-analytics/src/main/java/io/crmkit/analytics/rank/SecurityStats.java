package io.crmkit.analytics.rank;

/**
 * Figures of one security from holding snapshots and trades. Immutable and thread-safe.
 *
 * @param security    security code, e.g. an ISIN or exchange symbol
 * @param holders     distinct holders with a positive position value
 * @param valueHeld   sum of position market values
 * @param tradedValue sum of traded value
 */
public record SecurityStats(String security, int holders, double valueHeld, double tradedValue) {

    double metric(SecurityMetric m) {
        switch (m) {
            case HOLDERS:
                return holders;
            case VALUE_HELD:
                return valueHeld;
            default:
                return tradedValue;
        }
    }
}
