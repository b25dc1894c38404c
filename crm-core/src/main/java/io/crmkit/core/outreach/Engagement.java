package io.crmkit.core.outreach;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * One open or click as the host's tracking reported it, kept raw: whether it counts as a person's
 * is decided when statistics are built ({@link BotRules}), so a change of the rules recomputes old
 * figures. {@code sourceId} names the campaign or the content item it belongs to.
 *
 * <p>Immutable and thread-safe. Holds no personal data (the user agent itself is not kept, only the
 * host's verdict on it).
 *
 * @param id the engagement's id
 * @param sourceId the campaign ({@code campaign:<id>}) or content item ({@code content:<id>}) it belongs to
 * @param customerId who engaged
 * @param kind open or click
 * @param at when, as tracked
 * @param automatedAgent whether the host recognised the user agent as a known bot or link scanner
 * @param meta version and who/when
 */
public record Engagement(EngagementId id, String sourceId, CustomerId customerId, EngagementKind kind, Instant at,
        boolean automatedAgent, Meta meta) implements Aggregate<EngagementId, Engagement> {
    /** Longest source id: a prefix and an id. */
    public static final int MAX_SOURCE = 80;

    public Engagement {
        Check.notNull(id, "id");
        Check.notBlank(sourceId, "sourceId", MAX_SOURCE);
        Ids.check(sourceId.substring(sourceId.indexOf(':') + 1), "sourceId");
        Check.notNull(customerId, "customerId");
        Check.notNull(kind, "kind");
        Check.notNull(at, "at");
        Check.notNull(meta, "meta");
    }

    /** The source id of a campaign. */
    public static String campaignSource(String campaignId) {
        return "campaign:" + campaignId;
    }

    /** The source id of a content item's pushes (one delivery per customer and item, so the customer names the delivery). */
    public static String contentSource(String contentItemId) {
        return "content:" + contentItemId;
    }

    @Override
    public Engagement withMeta(Meta value) {
        return new Engagement(id, sourceId, customerId, kind, at, automatedAgent, value);
    }
}
