package io.crmkit.core.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crmkit.core.check.Check;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The attributes segmentation and reporting use: region, city, occupation or industry, income
 * band, risk tolerance and KYC level. Values are reference-data codes chosen by the firm (for
 * example region {@code CN-31}, income band {@code B3}); each is optional.
 *
 * <p>Immutable and thread-safe.
 *
 * @param region region code
 * @param city city code
 * @param occupation occupation code (individuals)
 * @param industry industry code (institutions, or an individual's employer)
 * @param incomeBand income band code
 * @param riskTolerance assessed risk tolerance
 * @param kycLevel KYC / due-diligence level code
 * @param timeZone the customer's own time zone (quiet hours of the contact policy are kept in it), or
 *     {@code null} for the firm's zone; left out of stored documents when {@code null}, so documents
 *     written before it existed read back equal
 */
public record Profile(@Nullable String region, @Nullable String city, @Nullable String occupation,
        @Nullable String industry, @Nullable String incomeBand, @Nullable RiskTolerance riskTolerance,
        @Nullable String kycLevel, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ZoneId timeZone) {
    private static final int CODE = 64;

    public static final Profile EMPTY = new Profile(null, null, null, null, null, null, null, null);

    public Profile {
        region = Check.optionalText(region, "profile.region", CODE);
        city = Check.optionalText(city, "profile.city", CODE);
        occupation = Check.optionalText(occupation, "profile.occupation", CODE);
        industry = Check.optionalText(industry, "profile.industry", CODE);
        incomeBand = Check.optionalText(incomeBand, "profile.incomeBand", CODE);
        kycLevel = Check.optionalText(kycLevel, "profile.kycLevel", CODE);
    }

    /** A profile without a time zone of its own (the firm's zone applies). */
    public Profile(@Nullable String region, @Nullable String city, @Nullable String occupation,
            @Nullable String industry, @Nullable String incomeBand, @Nullable RiskTolerance riskTolerance,
            @Nullable String kycLevel) {
        this(region, city, occupation, industry, incomeBand, riskTolerance, kycLevel, null);
    }

    public Profile withRegion(@Nullable String value) {
        return new Profile(value, city, occupation, industry, incomeBand, riskTolerance, kycLevel, timeZone);
    }

    public Profile withCity(@Nullable String value) {
        return new Profile(region, value, occupation, industry, incomeBand, riskTolerance, kycLevel, timeZone);
    }

    public Profile withOccupation(@Nullable String value) {
        return new Profile(region, city, value, industry, incomeBand, riskTolerance, kycLevel, timeZone);
    }

    public Profile withIndustry(@Nullable String value) {
        return new Profile(region, city, occupation, value, incomeBand, riskTolerance, kycLevel, timeZone);
    }

    public Profile withIncomeBand(@Nullable String value) {
        return new Profile(region, city, occupation, industry, value, riskTolerance, kycLevel, timeZone);
    }

    public Profile withRiskTolerance(@Nullable RiskTolerance value) {
        return new Profile(region, city, occupation, industry, incomeBand, value, kycLevel, timeZone);
    }

    public Profile withKycLevel(@Nullable String value) {
        return new Profile(region, city, occupation, industry, incomeBand, riskTolerance, value, timeZone);
    }

    public Profile withTimeZone(@Nullable ZoneId value) {
        return new Profile(region, city, occupation, industry, incomeBand, riskTolerance, kycLevel, value);
    }
}
