package io.crmkit.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.check.Ids;

/**
 * The id of a campaign: 1 to 64 characters from {@code [A-Za-z0-9._:-]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record CampaignId(@JsonValue String value) implements Comparable<CampaignId> {
    public CampaignId {
        Ids.check(value, "CampaignId");
    }

    @JsonCreator
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public int compareTo(CampaignId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
