package io.crmkit.analytics.nba;

import io.crmkit.analytics.score.Reason;
import io.crmkit.core.interaction.Channel;
import java.util.List;

/**
 * One action recommended to one customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param propositionId the proposition
 * @param rank          1 for the customer's best action
 * @param channel       the channel to use
 * @param product       the product code, or null for a non-product action
 * @param priority      propensity × value × context weight × lever
 * @param reasons       why: the priority worked out, then the rules that held
 */
public record Recommendation(String propositionId, int rank, Channel channel, String product, double priority,
                             List<Reason> reasons) {
    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
