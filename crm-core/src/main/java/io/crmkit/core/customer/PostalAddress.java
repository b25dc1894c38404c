package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A structured postal address.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows the country only.
 *
 * @param lines street lines, 1 to 4
 * @param city the city
 * @param region state, province or region, or {@code null}
 * @param postalCode the postal code, or {@code null}
 * @param country ISO 3166 alpha-2 country code
 */
public record PostalAddress(List<String> lines, String city, @Nullable String region, @Nullable String postalCode,
        String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public PostalAddress {
        lines = Check.list(lines, "address.lines");
        Check.that(!lines.isEmpty() && lines.size() <= 4, "address.lines", "Size", "must have 1 to 4 lines");
        for (int i = 0; i < lines.size(); i++) {
            Check.notBlank(lines.get(i), "address.lines[" + i + "]", Check.MAX_SHORT);
        }
        city = Check.notBlank(city, "address.city", Check.MAX_SHORT);
        region = Check.optionalText(region, "address.region", Check.MAX_SHORT);
        postalCode = Check.optionalText(postalCode, "address.postalCode", 16);
        Check.notNull(country, "address.country");
        country = country.toUpperCase(Locale.ROOT);
        Check.that(COUNTRIES.contains(country), "address.country", "Iso3166", "must be an ISO 3166 alpha-2 country code");
    }

    @Override
    public String toString() {
        return "PostalAddress[country=" + country + ", ***]";
    }
}
