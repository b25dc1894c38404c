package io.crmkit.core.customer;

/** How a customer or contact can be reached. */
public enum ContactPointType {
    /** A phone number in E.164 form, for example {@code +8613800138000}. */
    PHONE,
    EMAIL,
    /** A postal address, structured in {@link PostalAddress}. */
    POSTAL
}
