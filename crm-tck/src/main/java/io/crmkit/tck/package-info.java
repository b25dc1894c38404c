/**
 * The CRMKit compatibility kit: {@link io.crmkit.tck.CrmStoreCompatibilityKit} and the contract
 * groups it runs. Extend the kit in your test sources to certify a {@link io.crmkit.core.spi.CrmStore}.
 */
@NullMarked
package io.crmkit.tck;

import org.jspecify.annotations.NullMarked;
