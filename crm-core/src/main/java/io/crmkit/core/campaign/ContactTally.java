package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a launch went: members frozen, the holdout split, and what the contact policy decided for the
 * treated group, with the count per refusal reason (reason codes of the policy, never personal data).
 *
 * <p>Immutable and thread-safe.
 *
 * @param members customers in the frozen membership
 * @param treated members meant to be contacted
 * @param heldOut members of the holdout group
 * @param contacted treated members the policy allowed
 * @param deferred treated members the policy put off
 * @param refused treated members the policy refused
 * @param refusals refused members by reason code
 * @param excluded customers of the audience left out because the launching actor may not reach them (or they do not exist)
 */
public record ContactTally(int members, int treated, int heldOut, int contacted, int deferred, int refused,
        Map<String, Integer> refusals, int excluded) {
    public static final ContactTally NONE = new ContactTally(0, 0, 0, 0, 0, 0, Map.of(), 0);

    public ContactTally {
        refusals = Map.copyOf(new TreeMap<>(Check.map(refusals, "refusals")));
        Check.that(members == treated + heldOut && treated == contacted + deferred + refused, "tally", "Consistent",
                "members must be treated + held out, treated must be contacted + deferred + refused");
        Check.that(refusals.values().stream().mapToInt(Integer::intValue).sum() == refused, "refusals", "Consistent",
                "must add up to refused");
    }
}
