package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A command to define a campaign. Defaults: no holdout, seed 1, a 30-day attribution window, no cost.
 *
 * <pre>{@code
 * NewCampaign n = NewCampaign.of("Q3 fund launch", Channel.SMS).holdout(10, 42L).windowDays(14).cost(Money.of("5000", "CNY"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} omits the name (free text).
 *
 * @param name a short name, up to 200 characters
 * @param channel the channel the contacts go out on
 * @param holdoutPercent the share of the audience kept as holdout, 0 to 50
 * @param seed the seed of the holdout draw: the same seed and audience give the same split
 * @param windowDays how long after a contact a response or conversion is attributed to it, 1 to 365
 * @param cost what the campaign cost, or {@code null}
 */
public record NewCampaign(String name, Channel channel, int holdoutPercent, long seed, int windowDays, @Nullable Money cost) {
    public NewCampaign {
        Check.Violations v = Check.collect();
        name = v.notBlank(name, "name", Check.MAX_SHORT);
        v.notNull(channel, "channel");
        v.that(holdoutPercent >= 0 && holdoutPercent <= 50, "holdoutPercent", "Range", "must be 0 to 50");
        v.that(windowDays >= 1 && windowDays <= 365, "windowDays", "Range", "must be 1 to 365");
        v.that(cost == null || cost.amount().signum() >= 0, "cost", "NonNegative", "must not be negative");
        v.throwIfAny();
    }

    public static NewCampaign of(String name, Channel channel) {
        return new NewCampaign(name, channel, 0, 1L, 30, null);
    }

    public NewCampaign holdout(int percent, long drawSeed) {
        return new NewCampaign(name, channel, percent, drawSeed, windowDays, cost);
    }

    public NewCampaign windowDays(int days) {
        return new NewCampaign(name, channel, holdoutPercent, seed, days, cost);
    }

    public NewCampaign cost(@Nullable Money value) {
        return new NewCampaign(name, channel, holdoutPercent, seed, windowDays, value);
    }

    @Override
    public String toString() {
        return "NewCampaign[channel=" + channel + ", holdoutPercent=" + holdoutPercent + ", windowDays=" + windowDays + "]";
    }
}
