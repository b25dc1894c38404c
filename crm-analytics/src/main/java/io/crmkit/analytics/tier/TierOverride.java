package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import java.time.Instant;

/**
 * A manual tier set by staff, valid until {@code expiresAt} (exclusive). While valid it wins over
 * the policy and hysteresis; after it expires the customer follows the policy again at once.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the free-text reason.
 *
 * @param customerId the customer
 * @param tier       tier code, must be in the engine's ladder
 * @param expiresAt  end of validity
 * @param reason     why, in staff's words (e.g. "VIP retention agreement"), at most 200 characters
 */
public record TierOverride(long customerId, String tier, Instant expiresAt, String reason) {

    public TierOverride {
        Checks.code(tier, "override.tier");
        Checks.notNull(expiresAt, "override.expiresAt");
        Checks.text(reason, 200, "override.reason");
    }

    @Override
    public String toString() {
        return "TierOverride[customerId=" + customerId + ", tier=" + tier + ", expiresAt=" + expiresAt + "]";
    }
}
