package io.crmkit.analytics.segment;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.campaign.Audience;
import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment's members as a campaign {@link Audience}: the segment's name and condition text with the
 * CRM customer ids of its rows in a frame read from the store ({@code StoreFeatureReader}). Launching
 * a campaign with it freezes this membership; later changes to the customers or the segment do not
 * alter the campaign. Stateless.
 *
 * <pre>{@code
 * FeatureFrame frame = StoreFeatureReader.custom().build().read(crm, actor, ProgressListener.none());
 * Audience audience = SegmentAudience.of(Segment.parse("core_band", "age between 28 and 60"), frame);
 * }</pre>
 */
public final class SegmentAudience {
    private SegmentAudience() {}

    /**
     * @throws io.crmkit.core.error.ValidationException on field {@code frame} if its rows carry no CRM customer keys
     * @throws SegmentSyntaxException when a feature or label of the condition does not fit the frame
     */
    public static Audience of(Segment segment, FeatureFrame frame) {
        Checks.notNull(segment, "segment");
        Checks.notNull(frame, "frame");
        if (!frame.hasCustomerKeys()) {
            throw Checks.invalid("frame", "must be read from the store (rows need CRM customer keys)");
        }
        int[] rows = segment.members(frame).rows();
        List<CustomerId> ids = new ArrayList<>(rows.length);
        for (int row : rows) {
            ids.add(CustomerId.of(frame.customerKey(row)));
        }
        return Audience.of(segment.name(), segment.condition().toText(), ids);
    }
}
