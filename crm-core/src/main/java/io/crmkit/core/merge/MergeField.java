package io.crmkit.core.merge;

/**
 * The customer fields a survivorship rule decides. Identifiers, contact points and tags are not
 * listed: they are always the union of both records (an identifier of the duplicate whose type and
 * issuer the survivor already holds with another value stays on the tombstone, which redirects to
 * the survivor). Lifecycle and tier stay the survivor's: they change only through their services.
 */
public enum MergeField {
    LEGAL_NAME, PREFERRED_NAME, LOCAL_NAME, BIRTH_DATE, OWNER, BRANCH, REGION, CITY, OCCUPATION, INDUSTRY,
    INCOME_BAND, RISK_TOLERANCE, KYC_LEVEL, EXTENSIONS
}
