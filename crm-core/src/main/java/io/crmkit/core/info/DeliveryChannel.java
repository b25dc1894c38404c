package io.crmkit.core.info;

import io.crmkit.core.interaction.Channel;

/**
 * The host's way out to customers on one channel: an SMS gateway, an e-mail sender, an app push
 * service. The library decides who gets what and when and records the outcome; the channel only
 * sends. Implementations must be thread-safe; a {@code send} that throws counts as a failed
 * delivery (recorded by the exception's type, never its message) and the run goes on.
 */
public interface DeliveryChannel {
    /** The channel this sends on: SMS, EMAIL or APP. */
    Channel channel();

    /**
     * Sends one message.
     *
     * @return {@code null} when accepted for delivery, otherwise a short failure code (no personal data)
     */
    @org.jspecify.annotations.Nullable String send(Dispatch dispatch);
}
