/**
 * What campaigns and the information service share about reaching customers: recorded opens and
 * clicks ({@link io.crmkit.core.outreach.Engagement}), the rules that tell a person's click from an
 * automated one ({@link io.crmkit.core.outreach.BotRules}), and the counts built with them
 * ({@link io.crmkit.core.outreach.EngagementCounts}). One kernel, used by both.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.outreach;

import org.jspecify.annotations.NullMarked;
