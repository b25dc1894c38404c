package io.crmkit.quality.mapping;

import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.quality.normalize.EmailNormalizer;
import io.crmkit.quality.normalize.Text;
import io.crmkit.quality.source.SourceRecord;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link SourceRecord} into a {@link MappedRow} under a {@link ColumnMapping}, collecting
 * every violation of the row (each naming the source column, the rule and why). Text is cleaned
 * with NFKC and whitespace collapsing; a cell holding {@code '} followed by a formula character
 * (as {@link io.crmkit.quality.export.CustomerExporter} writes) loses the {@code '}, so exported
 * files re-import unchanged. Birth dates must lie between 1850-01-01 and {@code today}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowMapper {
    private static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);
    /** Compiled once: compiling per row was a measurable share of the import (JFR). */
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private final ColumnMapping mapping;
    private final LocalDate today;
    private final Pattern tagSeparator;

    public RowMapper(ColumnMapping mapping, LocalDate today) {
        this.mapping = mapping;
        this.today = today;
        this.tagSeparator = Pattern.compile(Pattern.quote(mapping.tagSeparator()));
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /** The row's fields and violations. Never throws for bad data: everything wrong is in {@link MappedRow#violations()}. */
    public MappedRow map(SourceRecord record) {
        Cells cells = new Cells(record, new ArrayList<>(record.errors()));
        CustomerType type = cells.enumOf("type", CustomerType.class);
        LifecycleStage stage = cells.enumOf("stage", LifecycleStage.class);
        if (stage != null && stage != LifecycleStage.PROSPECT && stage != LifecycleStage.ACTIVE) {
            cells.violation("stage", "InitialStage", "a new customer starts in PROSPECT or ACTIVE");
            stage = null;
        }
        String legal = cells.text("legalName", 200);
        String preferred = cells.text("preferredName", 200);
        String local = cells.text("localName", 200);
        LocalDate birth = cells.date("birthDate");
        String owner = cells.code("owner");
        String branch = cells.code("branch");
        String region = cells.text("region", 64);
        String city = cells.text("city", 64);
        String occupation = cells.text("occupation", 64);
        String industry = cells.text("industry", 64);
        String incomeBand = cells.text("incomeBand", 64);
        RiskTolerance risk = cells.enumOf("riskTolerance", RiskTolerance.class);
        String kyc = cells.text("kycLevel", 64);
        Set<String> tags = cells.tags();
        List<Identifier> ids = cells.identifiers();
        List<String> phones = cells.phones();
        List<String> emails = cells.emails();
        Map<String, String> ext = cells.extensions();
        return new MappedRow(type, stage, legal, preferred, local, birth, owner, branch, region, city, occupation,
                industry, incomeBand, risk, kyc, tags, ids, phones, emails, ext, cells.violations);
    }

    /** The cells of one record and the violations found so far. Not thread-safe. */
    private final class Cells {
        final SourceRecord record;
        final List<Violation> violations;

        Cells(SourceRecord record, List<Violation> violations) {
            this.record = record;
            this.violations = violations;
        }

        void violation(String target, String rule, String message) {
            String col = mapping.column(target);
            violations.add(Violation.of(col == null ? target : col, rule, message));
        }

        /** The cleaned value of a column, {@code null} when absent or blank; a control character is a violation. */
        @Nullable String raw(String column) {
            String v = record.get(column);
            if (v == null) {
                return null;
            }
            if (v.length() >= 2 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) {
                v = v.substring(1);
            }
            try {
                return Text.clean(v, column);
            } catch (ValidationException e) {
                violations.addAll(e.violations());
                return null;
            }
        }

        @Nullable String text(String target, int max) {
            String col = mapping.column(target);
            if (col == null) {
                return null;
            }
            String v = raw(col);
            if (v != null && v.length() > max) {
                violations.add(Violation.of(col, "Size", "must be at most " + max + " characters"));
                return null;
            }
            return v;
        }

        @Nullable String code(String target) {
            String v = text(target, 64);
            if (v != null && !v.matches("[A-Za-z0-9._:-]{1,64}")) {
                violation(target, "Code", "must be an id of letters, digits and . _ : -");
                return null;
            }
            return v;
        }

        <E extends Enum<E>> @Nullable E enumOf(String target, Class<E> type) {
            String v = text(target, 64);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violation(target, "Enum", "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        @Nullable LocalDate date(String target) {
            String v = text(target, 32);
            if (v == null) {
                return null;
            }
            for (DateTimeFormatter f : mapping.dateFormats()) {
                try {
                    LocalDate d = LocalDate.parse(v, f);
                    if (d.isBefore(EARLIEST) || d.isAfter(today)) {
                        violation(target, "Plausible", "must be between 1850-01-01 and today");
                        return null;
                    }
                    return d;
                } catch (DateTimeParseException e) {
                    // try the next pattern
                }
            }
            violation(target, "Date", "must be a date in one of the formats " + mapping.datePatterns());
            return null;
        }

        Set<String> tags() {
            String v = text("tags", 2_000);
            Set<String> tags = new LinkedHashSet<>();
            if (v == null) {
                return tags;
            }
            for (String t : tagSeparator.split(v)) {
                String tag = t.strip().toLowerCase(Locale.ROOT);
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    violation("tags", "TagFormat", "tags are 1-40 lower-case letters, digits, '.', '_' or '-'");
                    return Set.of();
                }
                tags.add(tag);
            }
            return tags;
        }

        List<Identifier> identifiers() {
            List<Identifier> ids = new ArrayList<>();
            for (ColumnMapping.IdentifierColumn c : mapping.identifiers()) {
                String v = raw(c.column());
                if (v == null) {
                    continue;
                }
                try {
                    ids.add(new Identifier(c.type(), v.replace(" ", ""), c.issuer()));
                } catch (ValidationException e) {
                    for (Violation x : e.violations()) {
                        violations.add(Violation.of(c.column(), x.rule(), x.message()));
                    }
                }
            }
            if (ids.isEmpty() && violations.stream().noneMatch(x -> isIdColumn(x.field()))) {
                violations.add(Violation.of(mapping.identifiers().get(0).column(), "NaturalKey",
                        "the row needs at least one identifier: it is how a row is matched to a customer"));
            }
            return ids;
        }

        private boolean isIdColumn(String column) {
            return mapping.identifiers().stream().anyMatch(c -> c.column().equals(column));
        }

        List<String> phones() {
            List<String> out = new ArrayList<>();
            for (String col : mapping.columns("phone")) {
                String v = raw(col);
                try {
                    String e164 = mapping.phones().toE164(v, col);
                    if (e164 != null && !out.contains(e164)) {
                        out.add(e164);
                    }
                } catch (ValidationException e) {
                    violations.addAll(e.violations());
                }
            }
            return out;
        }

        List<String> emails() {
            List<String> out = new ArrayList<>();
            for (String col : mapping.columns("email")) {
                try {
                    String e = EmailNormalizer.normalize(raw(col), col);
                    if (e != null && !out.contains(e)) {
                        out.add(e);
                    }
                } catch (ValidationException e) {
                    violations.addAll(e.violations());
                }
            }
            return out;
        }

        Map<String, String> extensions() {
            Map<String, String> out = new HashMap<>();
            mapping.extensions().forEach((name, col) -> {
                String v = raw(col);
                if (v != null) {
                    if (v.length() > 2_000) {
                        violations.add(Violation.of(col, "Size", "must be at most 2000 characters"));
                    } else {
                        out.put(name, v);
                    }
                }
            });
            return out;
        }
    }
}
