package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a launch went: members frozen, the holdout split, and what the contact policy decided for the
 * treated group, with the count per refusal reason (reason codes of the policy, never personal data).
 *
 * <p>The library builds tallies with members = treated + held out and treated = contacted + deferred +
 * refused; the constructor checks only signs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param members customers in the frozen membership
 * @param treated members meant to be contacted
 * @param heldOut members of the holdout group
 * @param contacted treated members the policy allowed
 * @param deferred treated members the policy put off
 * @param refusals refused members by reason code (their sum is {@link #refused()})
 * @param excluded customers of the audience left out because the launching actor may not reach them (or they do not exist)
 */
public record ContactTally(int members, int treated, int heldOut, int contacted, int deferred,
        Map<String, Integer> refusals, int excluded) {
    public static final ContactTally NONE = new ContactTally(0, 0, 0, 0, 0, Map.of(), 0);

    public ContactTally {
        refusals = Map.copyOf(new TreeMap<>(Check.map(refusals, "refusals")));
        Check.that(members >= 0 && treated >= 0 && heldOut >= 0 && contacted >= 0 && deferred >= 0 && excluded >= 0
                && refusals.values().stream().allMatch(n -> n > 0), "tally", "NonNegative", "counts must not be negative");
    }

    /** Treated members the policy refused. */
    public int refused() {
        return refusals.values().stream().mapToInt(Integer::intValue).sum();
    }
}
