/**
 * Maker-checker (初审/复审, four eyes): sensitive changes wait as pending requests until a second
 * person with the checker permission approves them.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.approval;

import org.jspecify.annotations.NullMarked;
