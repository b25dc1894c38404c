package io.crmkit.core.campaign;

import io.crmkit.core.check.Check;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.money.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign: what it is ({@link NewCampaign}'s settings), which segment it targeted and when it was
 * launched, and the launch's {@link ContactTally}. The members themselves are
 * {@link CampaignMember}s, written once at launch and never changed by later segment changes.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids, status and counts.
 *
 * @param id the campaign's id
 * @param name its name
 * @param channel the channel its contacts go out on
 * @param holdoutPercent share kept as holdout, 0 to 50
 * @param seed the holdout draw's seed
 * @param windowDays the attribution window in days, 1 to 365
 * @param cost what it cost, or {@code null}
 * @param status draft, launched or closed
 * @param segment the targeted segment's name, once launched
 * @param definition the targeted segment's condition text, once launched
 * @param launchedAt when it was launched, or {@code null}
 * @param closedAt when it was closed, or {@code null}
 * @param tally the launch's counts ({@link ContactTally#NONE} before)
 * @param meta version and who/when
 */
public record Campaign(CampaignId id, String name, Channel channel, int holdoutPercent, long seed, int windowDays,
        @Nullable Money cost, CampaignStatus status, @Nullable String segment, @Nullable String definition,
        @Nullable Instant launchedAt, @Nullable Instant closedAt, ContactTally tally, Meta meta)
        implements Aggregate<CampaignId, Campaign> {
    public Campaign {
        Check.notNull(id, "id");
        new NewCampaign(name, channel, holdoutPercent, seed, windowDays, cost);
        Check.notNull(status, "status");
        Check.notNull(tally, "tally");
        Check.notNull(meta, "meta");
        Check.that((status == CampaignStatus.DRAFT) == (launchedAt == null), "launchedAt", "Status",
                "is set exactly when the campaign has been launched");
        Check.that((status == CampaignStatus.CLOSED) == (closedAt != null), "closedAt", "Status",
                "is set exactly when the campaign is closed");
        segment = Check.optionalText(segment, "segment", Check.MAX_SHORT);
        definition = Check.optionalText(definition, "definition", Check.MAX_TEXT);
    }

    /** The launched copy. */
    public Campaign launched(Audience audience, Instant at, ContactTally counts) {
        return new Campaign(id, name, channel, holdoutPercent, seed, windowDays, cost, CampaignStatus.LAUNCHED,
                audience.segment(), audience.definition(), at, null, counts, meta);
    }

    /** The closed copy. */
    public Campaign closed(Instant at) {
        return new Campaign(id, name, channel, holdoutPercent, seed, windowDays, cost, CampaignStatus.CLOSED, segment,
                definition, launchedAt, at, tally, meta);
    }

    @Override
    public Campaign withMeta(Meta value) {
        return new Campaign(id, name, channel, holdoutPercent, seed, windowDays, cost, status, segment, definition,
                launchedAt, closedAt, tally, value);
    }

    @Override
    public String toString() {
        return "Campaign[id=" + id + ", status=" + status + ", channel=" + channel + ", members=" + tally.members()
                + ", version=" + meta.version() + "]";
    }
}
