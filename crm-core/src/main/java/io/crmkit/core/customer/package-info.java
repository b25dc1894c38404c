/**
 * The customer master: customers, identifiers, names, profile, lifecycle, contact points and consent, contacts, relationships.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.customer;

import org.jspecify.annotations.NullMarked;
