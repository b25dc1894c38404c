package io.crmkit.core.tier;

import io.crmkit.core.customer.TierCode;
import io.crmkit.core.check.Check;

/**
 * A tier a customer can be in (客户分级): a code, a display name and a rank where 1 is the highest
 * (for example PLATINUM 1, GOLD 2, SILVER 3, BRONZE 4; or a bank's PREMIUM, KEY, ORDINARY,
 * RESTRICTED, POTENTIAL).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the tier code
 * @param name display name
 * @param rank 1 = highest
 */
public record TierDefinition(TierCode code, String name, int rank) {
    public TierDefinition {
        Check.notNull(code, "code");
        name = Check.notBlank(name, "name", Check.MAX_SHORT);
        Check.range(rank, 1, 100, "rank");
    }

    public static TierDefinition of(String code, String name, int rank) {
        return new TierDefinition(TierCode.of(code), name, rank);
    }
}
