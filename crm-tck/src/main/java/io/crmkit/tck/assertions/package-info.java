/**
 * AssertJ assertions for CRMKit's domain and SPI types; start from {@link io.crmkit.tck.assertions.CrmAssertions}.
 */
@NullMarked
package io.crmkit.tck.assertions;

import org.jspecify.annotations.NullMarked;
