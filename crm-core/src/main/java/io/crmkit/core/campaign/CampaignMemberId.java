package io.crmkit.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of one customer's membership of one campaign (generated at launch): 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record CampaignMemberId(@JsonValue String value) implements Comparable<CampaignMemberId> {
    public CampaignMemberId {
        Ids.check(value, "CampaignMemberId");
    }

    @JsonCreator
    public static CampaignMemberId of(String value) {
        return new CampaignMemberId(value);
    }

    @Override
    public int compareTo(CampaignMemberId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
