package io.crmkit.core.customer;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The customer master record (客户): an individual or an institution, its identifiers, names,
 * segmentation profile, lifecycle, owner and branch, current tier, tags, contact points and
 * firm-specific extension fields. One customer, one record: identifiers are unique across
 * customers.
 *
 * <p>Change a customer through {@code CustomerService}; the {@code with*} methods build the
 * changed copy you pass to {@code update}. Its lifecycle and tier change only through their own
 * operations, which keep their history.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows ids and codes only.
 *
 * @param id the customer id
 * @param type individual or institution
 * @param name legal, preferred and local-script names
 * @param identifiers identity documents and external keys; no two of the same type and issuer
 * @param birthDate date of birth (individual) or incorporation (institution), or {@code null}
 * @param profile segmentation attributes
 * @param lifecycle the current lifecycle stage
 * @param lifecycleHistory every lifecycle change, oldest first
 * @param owner the owning relationship manager, or {@code null}
 * @param branch the branch the customer belongs to, or {@code null}
 * @param tier the current tier, or {@code null}; kept in step with the tier history
 * @param tags free tags (lower-case codes)
 * @param contactPoints phones, emails and addresses
 * @param extensions firm-specific fields by name
 * @param meta version and bookkeeping
 */
public record Customer(CustomerId id, CustomerType type, CustomerName name, List<Identifier> identifiers,
        @Nullable LocalDate birthDate, Profile profile, LifecycleStage lifecycle,
        List<LifecycleChange> lifecycleHistory, @Nullable StaffId owner, @Nullable OrgUnitId branch,
        @Nullable TierCode tier, Set<String> tags, List<ContactPoint> contactPoints,
        Map<String, ExtensionValue> extensions, Meta meta) implements Aggregate<CustomerId, Customer> {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    /** Most identifiers, tags, contact points or extension fields one customer may carry. */
    public static final int MAX_ITEMS = 50;

    /** The shape of an extension field name. */
    public static final String EXTENSION_NAME = "[A-Za-z][A-Za-z0-9_]{0,63}";
    /** {@link #EXTENSION_NAME} compiled once: every construction (each row a store decodes) checks its names. */
    private static final java.util.regex.Pattern EXTENSION_NAME_PATTERN = java.util.regex.Pattern.compile(EXTENSION_NAME);

    /** Checks every component and reports every broken rule at once. */
    public Customer {
        Check.Violations v = Check.collect();
        v.notNull(id, "id");
        v.notNull(type, "type");
        v.notNull(name, "name");
        identifiers = v.list(identifiers, "identifiers");
        if (identifiers != null) {
            v.that(identifiers.size() <= MAX_ITEMS, "identifiers", "Size", "must have at most " + MAX_ITEMS + " entries");
            Set<String> kinds = new HashSet<>();
            for (int i = 0; i < identifiers.size(); i++) {
                Identifier ident = identifiers.get(i);
                v.that(kinds.add(ident.type() + "|" + ident.issuer()), "identifiers[" + i + "]", "UniqueType",
                        "a customer has at most one identifier per type and issuer");
            }
        }
        v.notNull(profile, "profile");
        v.notNull(lifecycle, "lifecycle");
        lifecycleHistory = v.list(lifecycleHistory, "lifecycleHistory");
        if (lifecycleHistory != null) {
            v.that(lifecycleHistory.isEmpty() || lifecycleHistory.get(lifecycleHistory.size() - 1).to() == lifecycle,
                    "lifecycle", "MatchesHistory", "must equal the last entry of lifecycleHistory");
        }
        tags = v.set(tags, "tags");
        if (tags != null) {
            v.that(tags.size() <= MAX_ITEMS, "tags", "Size", "must have at most " + MAX_ITEMS + " entries");
            v.that(tags.stream().allMatch(tag -> TAG.matcher(tag).matches()), "tags", "TagFormat",
                    "tags are 1-40 lower-case letters, digits, '.', '_' or '-'");
        }
        contactPoints = v.list(contactPoints, "contactPoints");
        if (contactPoints != null) {
            v.that(contactPoints.size() <= MAX_ITEMS, "contactPoints", "Size", "must have at most " + MAX_ITEMS + " entries");
        }
        extensions = v.map(extensions, "extensions");
        if (extensions != null) {
            v.that(extensions.size() <= MAX_ITEMS, "extensions", "Size", "must have at most " + MAX_ITEMS + " entries");
            extensionNames(extensions.keySet(), v);
        }
        v.notNull(meta, "meta");
        v.throwIfAny();
    }

    /**
     * Checks extension field names. A bad name is reported by its position among the names in
     * {@code String} order ({@code extensions[#2]}), never by its text: a mistyped key may hold
     * the value that was meant for the field.
     */
    public static void extensionNames(Set<String> names, Check.Violations into) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            into.that(EXTENSION_NAME_PATTERN.matcher(sorted.get(i)).matches(), "extensions[#" + i + "]", "FieldName",
                    "extension field names are 1-64 letters, digits or '_' starting with a letter");
        }
    }

    /** The identifier of the given type, if the customer has one (first by issuer order). */
    public Optional<Identifier> identifier(IdentifierType identifierType) {
        return identifiers.stream().filter(i -> i.type() == identifierType).findFirst();
    }

    /** Whether the customer is in {@code stage} now. */
    public boolean is(LifecycleStage stage) {
        return lifecycle == stage;
    }

    public Customer withName(CustomerName value) {
        return new Customer(id, type, value, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, tier, tags, contactPoints, extensions, meta);
    }

    public Customer withIdentifiers(List<Identifier> value) {
        return new Customer(id, type, name, value, birthDate, profile, lifecycle, lifecycleHistory, owner, branch,
                tier, tags, contactPoints, extensions, meta);
    }

    /** A copy with {@code identifier} added, replacing one of the same type and issuer. */
    public Customer withIdentifier(Identifier identifier) {
        List<Identifier> next = new ArrayList<>(identifiers);
        next.removeIf(i -> i.type() == identifier.type() && i.issuer().equals(identifier.issuer()));
        next.add(identifier);
        return withIdentifiers(next);
    }

    public Customer withBirthDate(@Nullable LocalDate value) {
        return new Customer(id, type, name, identifiers, value, profile, lifecycle, lifecycleHistory, owner, branch,
                tier, tags, contactPoints, extensions, meta);
    }

    public Customer withProfile(Profile value) {
        return new Customer(id, type, name, identifiers, birthDate, value, lifecycle, lifecycleHistory, owner, branch,
                tier, tags, contactPoints, extensions, meta);
    }

    public Customer withOwner(@Nullable StaffId value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, value,
                branch, tier, tags, contactPoints, extensions, meta);
    }

    public Customer withBranch(@Nullable OrgUnitId value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                value, tier, tags, contactPoints, extensions, meta);
    }

    public Customer withTags(Set<String> value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, tier, value, contactPoints, extensions, meta);
    }

    /** A copy with {@code tag} added. */
    public Customer withTag(String tag) {
        Set<String> next = new HashSet<>(tags);
        next.add(tag);
        return withTags(next);
    }

    /** A copy without {@code tag}. */
    public Customer withoutTag(String tag) {
        Set<String> next = new HashSet<>(tags);
        next.remove(tag);
        return withTags(next);
    }

    public Customer withContactPoints(List<ContactPoint> value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, tier, tags, value, extensions, meta);
    }

    public Customer withExtensions(Map<String, ExtensionValue> value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, tier, tags, contactPoints, value, meta);
    }

    /** A copy with one extension field set. */
    public Customer withExtension(String field, ExtensionValue value) {
        Map<String, ExtensionValue> next = new HashMap<>(extensions);
        next.put(field, value);
        return withExtensions(next);
    }

    /** A copy in {@code change.to()} with {@code change} appended to the history (used by the lifecycle operation). */
    public Customer withLifecycleChange(LifecycleChange change) {
        List<LifecycleChange> next = new ArrayList<>(lifecycleHistory);
        next.add(change);
        return new Customer(id, type, name, identifiers, birthDate, profile, change.to(), next, owner, branch, tier,
                tags, contactPoints, extensions, meta);
    }

    /** A copy with the current tier set (used by the tier operation, which also writes the history). */
    public Customer withTier(@Nullable TierCode value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, value, tags, contactPoints, extensions, meta);
    }

    @Override
    public Customer withMeta(Meta value) {
        return new Customer(id, type, name, identifiers, birthDate, profile, lifecycle, lifecycleHistory, owner,
                branch, tier, tags, contactPoints, extensions, value);
    }

    @Override
    public String toString() {
        return "Customer[id=" + id + ", type=" + type + ", lifecycle=" + lifecycle + ", owner=" + owner + ", branch="
                + branch + ", tier=" + tier + ", version=" + meta.version() + "]";
    }
}
