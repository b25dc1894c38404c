/**
 * Consent and the firm-wide contact policy (issue 12): consent per contact point and purpose with
 * source, capture time, effective window and double opt-in; do-not-contact flags for the whole
 * customer and per channel; and one decision point, {@link io.crmkit.core.consent.ContactPolicy},
 * that answers allow, deny (with a typed reason) or defer (until the earliest allowed instant) for
 * a customer, channel, purpose, department and instant, applying consent, do-not-contact,
 * frequency caps across departments, quiet hours in the customer's own time zone and the
 * exemptions of service and transactional contact. Contacts carried out are kept in a contact log
 * ({@link io.crmkit.core.consent.ContactAttempt}) that feeds the caps; refused ones are logged and
 * audited with their reason.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.consent;

import org.jspecify.annotations.NullMarked;
