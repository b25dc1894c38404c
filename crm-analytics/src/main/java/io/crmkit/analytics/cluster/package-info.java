/**
 * Customer clustering: k-means over primitive feature columns with z-score standardisation,
 * seeded k-means++ initialisation and Hamerly's exact accelerated iterations (the same assignments
 * as plain Lloyd's iterations, with most distance computations skipped), deterministic for any
 * number of threads; the choice of k by the elbow of inertia and a sampled silhouette; and each
 * cluster described in words by the features that set it apart.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.analytics.cluster;

import org.jspecify.annotations.NullMarked;
