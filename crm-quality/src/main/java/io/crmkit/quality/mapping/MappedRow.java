package io.crmkit.quality.mapping;

import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.error.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The customer fields one source row carries, already normalised (phones in E.164, e-mail domains
 * lower-cased, identifiers checked). A blank or absent cell is {@code null} / empty: it means
 * "leave the stored value as it is", never "clear it".
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} is redacted.
 *
 * @param violations what is wrong with the row, each naming the source column; empty when it is good
 */
public record MappedRow(@Nullable CustomerType type, @Nullable LifecycleStage stage, @Nullable String legalName,
        @Nullable String preferredName, @Nullable String localName, @Nullable LocalDate birthDate,
        @Nullable String owner, @Nullable String branch, @Nullable String region, @Nullable String city,
        @Nullable String occupation, @Nullable String industry, @Nullable String incomeBand,
        @Nullable RiskTolerance riskTolerance, @Nullable String kycLevel, Set<String> tags, List<Identifier> identifiers,
        List<String> phones, List<String> emails, Map<String, String> extensions, List<Violation> violations) {
    public MappedRow {
        tags = Set.copyOf(tags);
        identifiers = List.copyOf(identifiers);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        extensions = Map.copyOf(extensions);
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    @Override
    public String toString() {
        return "MappedRow[identifiers=" + identifiers.size() + ", violations=" + violations + ", ***]";
    }
}
