/**
 * Data quality for CRMKit customers: {@code source} reads CSV and JSON Lines, {@code mapping}
 * turns a row into customer fields, {@code imports} writes them through a session in checkpointed
 * chunks, {@code export} writes customers out, {@code normalize} holds the normalisers and
 * {@code dedup} finds duplicate customers.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.quality;

import org.jspecify.annotations.NullMarked;
