package io.crmkit.analytics.feature;

/**
 * Names of the features CRMKit's own models read. A host may fill any of them from its own data
 * and add others under its own names (lower-case, digits and underscores).
 *
 * <p>Windows (e.g. "over the window") are set when the frame is built; the default window is the
 * last 90 days. Constants only; thread-safe.
 */
public final class StandardFeatures {

    /** Days since the last trade, purchase or transaction (recency). DOUBLE or INT. */
    public static final String RECENCY_DAYS = "recency_days";
    /** Number of trades or transactions in the window (frequency). */
    public static final String FREQUENCY = "frequency";
    /** Amount traded, spent or paid in the window (monetary). */
    public static final String MONETARY = "monetary";
    /** Assets under management today, in the reporting currency. */
    public static final String AUM = "aum";
    /** Change of assets under management over the window, in percent (-100 and up). */
    public static final String AUM_CHANGE_PCT = "aum_change_pct";
    /** Revenue or commission the firm earned from the customer in the window (贡献度). */
    public static final String CONTRIBUTION = "contribution";
    /** Change of the number of trades against the previous window, in percent. */
    public static final String TRADES_CHANGE_PCT = "trades_change_pct";
    /** Share of assets in equities, 0 to 1. */
    public static final String EQUITY_SHARE = "equity_share";
    /** Share of assets in the largest single position, 0 to 1. */
    public static final String TOP_POSITION_SHARE = "top_position_share";
    /** Share of interactions through digital channels (web, app), 0 to 1. */
    public static final String DIGITAL_SHARE = "digital_share";
    /** Days since the customer became a customer. */
    public static final String TENURE_DAYS = "tenure_days";
    /** Age in whole years. */
    public static final String AGE = "age";
    /** Annual income, in the reporting currency. */
    public static final String INCOME = "income";
    /** Income band as an ordinal (0 lowest). */
    public static final String INCOME_BAND = "income_band";
    /** Open complaints and service requests past their first response. */
    public static final String OPEN_COMPLAINTS = "open_complaints";
    /** Days since the firm last contacted the customer (call, meeting, email). */
    public static final String DAYS_SINCE_CONTACT = "days_since_contact";
    /** Days since the customer's last login to web or app. */
    public static final String DAYS_SINCE_LOGIN = "days_since_login";
    /** The current tier, a CATEGORY column whose levels are tier codes. */
    public static final String TIER = "tier";

    /** The customer's assessed risk tolerance, a CATEGORY column whose levels are {@code RiskTolerance} names. */
    public static final String RISK_TOLERANCE = "risk_tolerance";
    /** The customer's branch, a CATEGORY column whose levels are branch labels (org unit ids upper-cased). */
    public static final String BRANCH = "branch";

    /** Prospect: 1 when introduced by an existing customer, else 0. */
    public static final String REFERRED = "referred";
    /** Prospect: interactions (calls, visits, sessions) in the window. */
    public static final String INTERACTIONS = "interactions";
    /** Prospect: investable assets the prospect stated. */
    public static final String STATED_ASSETS = "stated_assets";
    /** Prospect: campaign responses in the window. */
    public static final String CAMPAIGN_RESPONSES = "campaign_responses";
    /** Prospect: days since the prospect was first recorded. */
    public static final String DAYS_SINCE_CREATED = "days_since_created";

    private StandardFeatures() {
    }
}
