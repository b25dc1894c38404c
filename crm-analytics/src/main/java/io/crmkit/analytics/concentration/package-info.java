/** Revenue concentration: Pareto curve, share of the top x%, Gini coefficient. */
package io.crmkit.analytics.concentration;
