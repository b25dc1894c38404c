package io.crmkit.core.info;


/**
 * The host's way out to customers on one channel: an SMS gateway, an e-mail sender, an app push
 * service. The library decides who gets what and when and records the outcome; the channel only
 * sends. Implementations must be thread-safe; a {@code send} that throws counts as a failed
 * delivery (recorded by the exception's type, never its message) and the run goes on.
 */
public interface DeliveryChannel {
    /** The channel this sends on. */
    PushChannel channel();

    /**
     * Sends one message.
     *
     * @return {@code null} when accepted for delivery, otherwise a short failure code (no personal data)
     */
    @org.jspecify.annotations.Nullable String send(Dispatch dispatch);
}
