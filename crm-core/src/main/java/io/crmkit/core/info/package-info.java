/**
 * The information service (信息服务): content items (research reports, morning notes, product
 * notices) with topics and a validity, customers' subscriptions by topic and channel (backed by
 * consent through the contact policy), scheduled pushes in each subscriber's own time zone, decided
 * by the library and delivered through the host's {@link io.crmkit.core.info.DeliveryChannel}s, and
 * delivery, open and click statistics per item, topic and branch. The service is
 * {@link io.crmkit.core.InformationService}.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.info;

import org.jspecify.annotations.NullMarked;
