package io.crmkit.core.merge;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import java.util.Map;

/**
 * What a merge would do, computed without writing: the survivor as it would be stored, and how many
 * child records of each kind would move.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints counts only (the customer holds personal data).
 *
 * @param survivorAfter the survivor after the merge (masked as the actor sees customers)
 * @param moves child records that would move, by kind
 */
public record MergePreview(Customer survivorAfter, Map<ChildMove.Kind, Integer> moves) {
    public MergePreview {
        Check.notNull(survivorAfter, "survivorAfter");
        moves = Map.copyOf(Check.map(moves, "moves"));
    }

    @Override
    public String toString() {
        return "MergePreview[" + survivorAfter.id() + ", moves=" + moves + "]";
    }
}
