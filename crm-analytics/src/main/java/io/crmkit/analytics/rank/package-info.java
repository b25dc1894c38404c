/** Rankings: top-N accounts or customers by a value, securities by holders, value held and volume. */
package io.crmkit.analytics.rank;
