package io.crmkit.quality.mapping;

import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.quality.normalize.PhoneNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which source column feeds which customer field, read from a small properties file:
 *
 * <pre>
 * # target = source column (or several, comma separated, for phone and email)
 * legalName = full_name
 * localName = name_cn
 * birthDate = dob
 * identifier.NATIONAL_ID.CN = id_no
 * identifier.EXTERNAL_SYSTEM.core-banking = cust_no
 * phone = mobile, home_phone
 * email = email
 * city = city
 * extension.riskNote = note
 *
 * # options
 * option.phoneRegion = CN            # region for numbers written without +country code
 * option.dateFormats = yyyy-MM-dd|dd/MM/yyyy
 * option.tagSeparator = ;
 * option.type = INDIVIDUAL           # when no 'type' column is mapped or it is blank
 * option.stage = PROSPECT            # PROSPECT or ACTIVE, for new customers without a 'stage' value
 * option.recordKey = cust_no         # dedup: the column that names each record in candidate pairs
 * </pre>
 *
 * <p>Targets: {@code legalName preferredName localName type stage birthDate owner branch region
 * city occupation industry incomeBand riskTolerance kycLevel tags phone email},
 * {@code identifier.TYPE.ISSUER} and {@code extension.NAME}. A row is matched to a stored customer
 * through its identifiers, so at least one identifier must be mapped. Columns whose names start
 * with {@code _crm_} (the error file's own columns) are never read.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnMapping {
    /** The plain targets (everything but identifiers and extensions). */
    public static final Set<String> TARGETS = Set.of("legalName", "preferredName", "localName", "type", "stage",
            "birthDate", "owner", "branch", "region", "city", "occupation", "industry", "incomeBand", "riskTolerance",
            "kycLevel", "tags", "phone", "email");

    /** An identifier column: its type and issuer. */
    public record IdentifierColumn(IdentifierType type, String issuer, String column) {}

    private final Map<String, List<String>> targets;
    private final List<IdentifierColumn> identifiers;
    private final Map<String, String> extensions;
    private final PhoneNormalizer phones;
    private final List<DateTimeFormatter> dateFormats;
    private final List<String> datePatterns;
    private final String tagSeparator;
    private final CustomerType defaultType;
    private final LifecycleStage defaultStage;
    private final @Nullable String recordKey;

    private ColumnMapping(Map<String, List<String>> targets, List<IdentifierColumn> identifiers,
            Map<String, String> extensions, PhoneNormalizer phones, List<String> datePatterns, String tagSeparator,
            CustomerType defaultType, LifecycleStage defaultStage, @Nullable String recordKey) {
        this.targets = targets;
        this.identifiers = identifiers;
        this.extensions = extensions;
        this.phones = phones;
        this.datePatterns = List.copyOf(datePatterns);
        this.dateFormats = datePatterns.stream()
                .map(p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu"), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT))
                .toList();
        this.tagSeparator = tagSeparator;
        this.defaultType = defaultType;
        this.defaultStage = defaultStage;
        this.recordKey = recordKey;
    }

    /**
     * Reads a mapping file (UTF-8 properties).
     *
     * @throws ValidationException listing every bad line (unknown target, bad option)
     * @throws StoreException if the file cannot be read
     */
    public static ColumnMapping read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (IOException e) {
            throw new StoreException("the mapping file cannot be read", false);
        }
    }

    /** Parses mapping text. @throws ValidationException listing every bad entry */
    public static ColumnMapping parse(String text) {
        return parse(new StringReader(text));
    }

    private static ColumnMapping parse(Reader reader) {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw ValidationException.of("mapping", "Properties", "is not a readable properties file");
        }
        List<Violation> v = new ArrayList<>();
        Map<String, List<String>> targets = new LinkedHashMap<>();
        List<IdentifierColumn> ids = new ArrayList<>();
        Map<String, String> ext = new LinkedHashMap<>();
        String region = "CN";
        String dates = "yyyy-MM-dd";
        String tagSep = ";";
        CustomerType type = CustomerType.INDIVIDUAL;
        LifecycleStage stage = LifecycleStage.PROSPECT;
        String recordKey = null;
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            String field = "mapping." + key;
            if (value.isEmpty()) {
                v.add(Violation.of(field, "NotBlank", "must name a column or a value"));
                continue;
            }
            try {
                if (key.startsWith("option.")) {
                    switch (key) {
                        case "option.phoneRegion" -> region = value;
                        case "option.dateFormats" -> dates = value;
                        case "option.tagSeparator" -> tagSep = value;
                        case "option.type" -> type = CustomerType.valueOf(value.toUpperCase(Locale.ROOT));
                        case "option.stage" -> stage = LifecycleStage.valueOf(value.toUpperCase(Locale.ROOT));
                        case "option.recordKey" -> recordKey = value;
                        default -> v.add(Violation.of(field, "UnknownOption", "is not an option of the mapping file"));
                    }
                } else if (key.startsWith("identifier.")) {
                    String[] parts = key.split("\\.", 3);
                    if (parts.length != 3 || parts[2].isBlank()) {
                        v.add(Violation.of(field, "IdentifierTarget", "must be identifier.TYPE.ISSUER"));
                    } else {
                        ids.add(new IdentifierColumn(IdentifierType.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2], value));
                    }
                } else if (key.startsWith("extension.")) {
                    String name = key.substring("extension.".length());
                    if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                        v.add(Violation.of(field, "FieldName", "extension names are 1-64 letters, digits or '_' starting with a letter"));
                    } else {
                        ext.put(name, value);
                    }
                } else if (TARGETS.contains(key)) {
                    List<String> cols = new ArrayList<>();
                    for (String c : value.split(",")) {
                        if (!c.isBlank()) {
                            cols.add(c.strip());
                        }
                    }
                    if (cols.size() > 1 && !key.equals("phone") && !key.equals("email")) {
                        v.add(Violation.of(field, "OneColumn", "only phone and email take several columns"));
                    }
                    targets.put(key, List.copyOf(cols));
                } else {
                    v.add(Violation.of(field, "UnknownTarget", "is not a customer field (see ColumnMapping)"));
                }
            } catch (IllegalArgumentException e) {
                v.add(Violation.of(field, "Enum", "names an unknown type or stage"));
            }
        }
        if (ids.isEmpty()) {
            v.add(Violation.of("mapping", "NaturalKey", "map at least one identifier.TYPE.ISSUER column: rows are matched to customers by identifier"));
        }
        if (!targets.containsKey("legalName")) {
            v.add(Violation.of("mapping.legalName", "Required", "the legal name must be mapped"));
        }
        if (stage != LifecycleStage.PROSPECT && stage != LifecycleStage.ACTIVE) {
            v.add(Violation.of("mapping.option.stage", "InitialStage", "must be PROSPECT or ACTIVE"));
        }
        List<String> patterns = new ArrayList<>();
        for (String d : dates.split("\\|")) {
            try {
                DateTimeFormatter.ofPattern(d.strip(), Locale.ROOT);
                patterns.add(d.strip());
            } catch (IllegalArgumentException e) {
                v.add(Violation.of("mapping.option.dateFormats", "DatePattern", "is not a date pattern"));
            }
        }
        PhoneNormalizer phones = null;
        try {
            phones = PhoneNormalizer.forRegion(region);
        } catch (ValidationException e) {
            v.add(Violation.of("mapping.option.phoneRegion", "Region", "must be a region libphonenumber supports"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return new ColumnMapping(targets, List.copyOf(ids), ext, phones, patterns, tagSep, type, stage, recordKey);
    }

    /** The source columns mapped to {@code target} (empty when unmapped). */
    public List<String> columns(String target) {
        return targets.getOrDefault(target, List.of());
    }

    /** The single column mapped to {@code target}, or {@code null}. */
    public @Nullable String column(String target) {
        List<String> c = columns(target);
        return c.isEmpty() ? null : c.get(0);
    }

    public List<IdentifierColumn> identifiers() { return identifiers; }

    public Map<String, String> extensions() { return extensions; }

    public PhoneNormalizer phones() { return phones; }

    public List<DateTimeFormatter> dateFormats() { return dateFormats; }

    public List<String> datePatterns() { return datePatterns; }

    public String tagSeparator() { return tagSeparator; }

    public CustomerType defaultType() { return defaultType; }

    public LifecycleStage defaultStage() { return defaultStage; }

    /** The column naming each record in duplicate reports, or {@code null} (the first identifier column is used). */
    public @Nullable String recordKey() { return recordKey; }

    /** A fingerprint of the mapping, stored in checkpoints so a resumed run cannot use a different one. */
    public String fingerprint() {
        // From text only: enum hash codes differ between JVMs, and a resumed run is another JVM.
        String canonical = new java.util.TreeMap<>(targets) + "|" + identifiers + "|" + new java.util.TreeMap<>(extensions) + "|"
                + phones.defaultRegion() + "|" + datePatterns + "|" + tagSeparator + "|" + defaultType.name() + "|" + defaultStage.name();
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new StoreException("SHA-256 is not available", false);
        }
    }
}
