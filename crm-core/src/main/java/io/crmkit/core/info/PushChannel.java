package io.crmkit.core.info;

import io.crmkit.core.interaction.Channel;

/**
 * The channels the information service pushes on, in the order it prefers them when a subscriber
 * has several for one item (cheapest and least intrusive first): app push, e-mail, SMS.
 */
public enum PushChannel {
    APP(Channel.APP),
    EMAIL(Channel.EMAIL),
    SMS(Channel.SMS);

    private final Channel channel;

    PushChannel(Channel channel) {
        this.channel = channel;
    }

    /** The interaction channel it corresponds to (for consent and the contact policy). */
    public Channel channel() {
        return channel;
    }
}
