package io.crmkit.core.campaign;

import java.time.Instant;
import java.util.List;

/**
 * How the credit for one conversion is shared among the campaign contacts that preceded it (each
 * within its campaign's attribution window). Pluggable: a host may supply its own; the library's are
 * in {@link AttributionModels}. Reports are computed from the stored contacts and conversions each
 * time they are asked for, so a report under another model is a recomputation, never a stored figure.
 *
 * <p>Contract: given at least one touch, in time order (ties by campaign id), all at or before
 * {@code conversionAt}, return one non-negative finite credit per touch, summing to 1 (within 1e-9).
 * The library checks the result and refuses one that breaks this contract. Implementations must be
 * stateless and thread-safe.
 */
public interface AttributionModel {
    /** A short name for reports, for example {@code time-decay(7d)}. */
    String name();

    /** The credits, one per touch, in the order given. */
    double[] credit(List<Touch> touches, Instant conversionAt);
}
