package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.check.Ids;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * A customer's do-not-contact flags (勿扰): the whole customer ({@code everything}), or single
 * channels. One record per customer, keyed by the customer's id; clearing every flag keeps the
 * record (with its source and history in the audit trail) and blocks nothing.
 *
 * <p>Immutable and thread-safe; prints codes only.
 *
 * @param id the customer
 * @param everything whether no channel may be used (for purposes not exempt from do-not-contact)
 * @param channels the channels that may not be used
 * @param source where the request came from, a code such as {@code callcentre:request}
 * @param meta version and bookkeeping
 */
public record DoNotContact(CustomerId id, boolean everything, Set<Channel> channels, String source, Meta meta)
        implements Aggregate<CustomerId, DoNotContact> {
    public DoNotContact {
        Check.notNull(id, "id");
        channels = Set.copyOf(Check.set(channels, "channels"));
        Ids.check(source, "source");
        Check.notNull(meta, "meta");
    }

    /** Whether contact on {@code channel} is blocked. */
    public boolean blocks(Channel channel) {
        return everything || channels.contains(channel);
    }

    /** Whether nothing is blocked. */
    public boolean isClear() {
        return !everything && channels.isEmpty();
    }

    /** The channels as an {@link EnumSet} copy. */
    public EnumSet<Channel> channelSet() {
        return channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }

    @Override
    public DoNotContact withMeta(Meta value) {
        return new DoNotContact(id, everything, channels, source, value);
    }
}
