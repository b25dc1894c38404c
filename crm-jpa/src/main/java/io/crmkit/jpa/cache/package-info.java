/**
 * A bounded, write-invalidated read cache that works in front of any {@link io.crmkit.core.spi.CrmStore}.
 */
package io.crmkit.jpa.cache;
