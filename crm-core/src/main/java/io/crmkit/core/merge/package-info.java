/**
 * Merge and unmerge of duplicate customers (one customer, one record): survivorship rules per field
 * as data ({@link io.crmkit.core.merge.Survivorship}), a preview, the merge that moves every child
 * record of the duplicate to the survivor and keeps the duplicate as a tombstone that redirects
 * reads, and an unmerge that replays the move log backwards. The service is
 * {@link io.crmkit.core.MergeService} behind {@code crm.as(actor).merges()}.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.merge;

import org.jspecify.annotations.NullMarked;
