/**
 * Erasure in the compatibility kit: a customer seeded with canary personal data in every place the
 * library keeps it ({@link io.crmkit.tck.erasure.CanaryCustomer}), and the statistics that must
 * survive its erasure.
 */
@NullMarked
package io.crmkit.tck.erasure;

import org.jspecify.annotations.NullMarked;
