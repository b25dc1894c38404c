package io.crmkit.core.info;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message for a {@link DeliveryChannel} to send: which item to which customer, and the address
 * to use (the phone for SMS, the e-mail address for EMAIL; {@code null} for APP, which the host
 * addresses by customer id). Personal data: {@link #toString()} omits the address.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deliveryId the id the delivery is recorded under (the same on a retried run)
 * @param contentId the item
 * @param title the item's title
 * @param customerId the recipient
 * @param channel the channel
 * @param address where to send it, or {@code null} for APP
 * @param sendAt when it was planned for
 */
public record Dispatch(DeliveryId deliveryId, ContentItemId contentId, String title, CustomerId customerId, PushChannel channel,
        @Nullable String address, Instant sendAt) {
    @Override
    public String toString() {
        return "Dispatch[delivery=" + deliveryId + ", content=" + contentId + ", customer=" + customerId + ", channel="
                + channel + ", ***]";
    }
}
