package io.crmkit.quality.imports;

import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.CustomerService.Registration;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.mapping.MappedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies one mapped row through the session: finds the customer its identifiers belong to,
 * then inserts, updates, skips or rejects it by the mode. An update only fills in and adds: a
 * value the row leaves blank keeps the stored one, contact points and tags are added, identifiers
 * of the same type and issuer are replaced. A row that changes nothing writes nothing.
 *
 * <p>New customers are not registered one by one: a unit's inserts are collected and registered
 * together ({@link io.crmkit.core.CustomerService#registerAll}: the same validation, scope, audit and
 * events per customer, one batch of store writes). A row whose identifier an insert still waiting in
 * the batch claims first sends the batch, so it sees that customer exactly as if the rows had been
 * applied one at a time.
 *
 * <p>Rejections found before a write leave the transaction usable. A failure of the write itself
 * propagates: the store then rolls the whole unit back and the importer retries row by row.
 * Not thread-safe (holds the unit's own writes by identifier).
 */
final class RowApplier {
    private final CrmSession session;
    private final ColumnMapping mapping;
    private final ImportMode mode;
    /** Identifiers written by the running unit, so later rows of the unit find them however the store reads. */
    private final Map<String, CustomerId> unitKeys = new HashMap<>();

    RowApplier(CrmSession session, ColumnMapping mapping, ImportMode mode) {
        this.session = session;
        this.mapping = mapping;
        this.mode = mode;
    }

    /**
     * The unit's identifiers as the store held them when the unit began, read in one batch
     * ({@link io.crmkit.core.CustomerService#findByIdentifiers}) instead of one lookup per identifier.
     */
    private Map<Identifier, Customer> prefetched = Map.of();
    /** Customers the running unit wrote: their prefetched copies are stale. */
    private final Set<CustomerId> unitWritten = new java.util.HashSet<>();
    /** The running unit's outcomes, by row; an insert waiting in the batch has none yet. */
    private RowOutcome[] outcomes = new RowOutcome[0];
    /** Inserts waiting to be registered together: their rows, records and claimed natural keys. */
    private final List<Integer> waitingRows = new ArrayList<>();
    private final List<NewCustomer> waiting = new ArrayList<>();
    private final Set<String> waitingKeys = new java.util.HashSet<>();

    /** Starts a unit of work over {@code rows}: forgets the last unit and reads the keys of these rows at once. */
    void startUnit(List<MappedRow> rows) {
        unitKeys.clear();
        unitWritten.clear();
        waiting.clear();
        waitingRows.clear();
        waitingKeys.clear();
        List<Identifier> keys = new ArrayList<>();
        for (MappedRow r : rows) {
            if (r.valid()) {
                keys.addAll(r.identifiers());
            }
        }
        Map<Identifier, Customer> found = new HashMap<>();
        int max = io.crmkit.core.spi.CustomerRepository.MAX_IDENTIFIER_BATCH;
        for (int from = 0; from < keys.size(); from += max) {
            found.putAll(session.customers().findByIdentifiers(keys.subList(from, Math.min(keys.size(), from + max))));
        }
        prefetched = found;
    }

    /**
     * Applies the rows of the unit {@link #startUnit} began, in order, and returns their outcomes
     * (one per row); the unit's new customers are registered as one batch.
     */
    List<RowOutcome> applyUnit(List<MappedRow> rows) {
        outcomes = new RowOutcome[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            RowOutcome o = apply(rows.get(n), n);
            if (o != null) {
                outcomes[n] = o;
            }
        }
        registerWaiting();
        return java.util.Arrays.asList(outcomes);
    }

    /** The row's outcome, or {@code null} when it is an insert waiting in the batch. */
    private @Nullable RowOutcome apply(MappedRow row, int index) {
        if (!row.valid()) {
            return RowOutcome.rejected(row.violations());
        }
        Customer match = null;
        for (Identifier id : row.identifiers()) {
            Optional<Customer> found = find(id);
            if (found.isPresent()) {
                if (match != null && !match.id().equals(found.get().id())) {
                    return RowOutcome.rejected(columnOf(id), "AmbiguousMatch",
                            "the row's identifiers belong to different customers");
                }
                match = found.get();
            }
        }
        if (match == null) {
            if (mode == ImportMode.UPDATE) {
                return RowOutcome.rejected(columnOf(row.identifiers().get(0)), "NotFound",
                        "no customer holds any of the row's identifiers (mode UPDATE)");
            }
            return insert(row, index);
        }
        return switch (mode) {
            case INSERT -> RowOutcome.rejected(columnOf(row.identifiers().get(0)), "DuplicateKey",
                    "a customer with this identifier already exists (mode INSERT)");
            case SKIP -> RowOutcome.of(RowOutcome.Kind.SKIPPED);
            case UPDATE, UPSERT -> update(match, row);
        };
    }

    private Optional<Customer> find(Identifier id) {
        if (waitingKeys.contains(id.naturalKey())) {
            // an earlier row of the unit inserts this key: register the batch so far, then look
            registerWaiting();
        }
        CustomerId own = unitKeys.get(id.naturalKey());
        if (own != null) {
            return session.customers().find(own);
        }
        Customer before = prefetched.get(id);
        if (before == null) {
            // nobody held it when the unit began, and no write of this unit claimed it (unitKeys)
            return Optional.empty();
        }
        if (unitWritten.contains(before.id())) {
            // this unit changed that customer (perhaps replacing this very identifier): ask again
            return session.customers().findByIdentifier(id);
        }
        return Optional.of(before);
    }

    private @Nullable RowOutcome insert(MappedRow row, int index) {
        if (row.legalName() == null) {
            return RowOutcome.rejected(colOr("legalName"), "Required", "a new customer needs a legal name");
        }
        NewCustomer.Builder b = (row.type() == CustomerType.INSTITUTION
                || (row.type() == null && mapping.defaultType() == CustomerType.INSTITUTION))
                ? NewCustomer.institution(row.legalName()) : NewCustomer.individual(row.legalName());
        b.preferredName(row.preferredName()).localName(row.localName()).birthDate(row.birthDate())
                .initialStage(row.stage() != null ? row.stage() : mapping.defaultStage())
                .profile(new Profile(row.region(), row.city(), row.occupation(), row.industry(), row.incomeBand(),
                        row.riskTolerance(), row.kycLevel()));
        List<Violation> v = new ArrayList<>();
        try {
            b.owner(row.owner() == null ? null : StaffId.of(row.owner()));
        } catch (ValidationException e) {
            v.add(Violation.of(colOr("owner"), "Code", "is not a staff id"));
        }
        try {
            b.branch(row.branch() == null ? null : OrgUnitId.of(row.branch()));
        } catch (ValidationException e) {
            v.add(Violation.of(colOr("branch"), "Code", "is not an org unit id"));
        }
        row.identifiers().forEach(b::identifier);
        row.tags().forEach(b::tag);
        contactPoints(row, List.of(), v).forEach(b::contactPoint);
        row.extensions().forEach((k, val) -> b.extension(k, ExtensionValue.text(val)));
        if (!v.isEmpty()) {
            return RowOutcome.rejected(v);
        }
        NewCustomer customer = b.build();
        waitingRows.add(index);
        waiting.add(customer);
        for (Identifier id : customer.identifiers()) {
            waitingKeys.add(id.naturalKey());
        }
        return null;
    }

    /**
     * Registers the waiting inserts as one batch and settles their rows. A record the service
     * refuses (validation, an identifier already held) is rejected while the others go in; the
     * unit is still good.
     */
    private void registerWaiting() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Registration> done = session.customers().registerAll(waiting);
        for (int k = 0; k < done.size(); k++) {
            Registration r = done.get(k);
            int row = waitingRows.get(k);
            Customer saved = r.customer();
            if (saved != null) {
                for (Identifier id : saved.identifiers()) {
                    unitKeys.put(id.naturalKey(), saved.id());
                }
                outcomes[row] = new RowOutcome(RowOutcome.Kind.INSERTED, List.of(), saved.id(), -1);
            } else if (r.pending() != null) {
                outcomes[row] = RowOutcome.rejected("", "Standalone",
                        "the new customer waits for approval; import it without maker-checker or approve it");
            } else {
                outcomes[row] = RowOutcome.rejected(translate(r.violations(), waiting.get(k)));
            }
        }
        waiting.clear();
        waitingRows.clear();
        waitingKeys.clear();
    }

    private RowOutcome update(Customer current, MappedRow row) {
        if (row.type() != null && row.type() != current.type()) {
            return RowOutcome.rejected(colOr("type"), "Immutable", "a customer's type cannot change");
        }
        List<Violation> v = new ArrayList<>();
        CustomerName n = current.name();
        Customer c = current.withName(new CustomerName(or(row.legalName(), n.legal()), or(row.preferredName(), n.preferred()),
                or(row.localName(), n.local())));
        for (Identifier id : row.identifiers()) {
            if (!current.identifiers().contains(id)) {
                c = c.withIdentifier(id);
            }
        }
        if (row.birthDate() != null) {
            c = c.withBirthDate(row.birthDate());
        }
        Profile p = current.profile();
        c = c.withProfile(new Profile(or(row.region(), p.region()), or(row.city(), p.city()),
                or(row.occupation(), p.occupation()), or(row.industry(), p.industry()),
                or(row.incomeBand(), p.incomeBand()), row.riskTolerance() != null ? row.riskTolerance() : p.riskTolerance(),
                or(row.kycLevel(), p.kycLevel())));
        try {
            if (row.owner() != null) {
                c = c.withOwner(StaffId.of(row.owner()));
            }
            if (row.branch() != null) {
                c = c.withBranch(OrgUnitId.of(row.branch()));
            }
        } catch (ValidationException e) {
            v.add(Violation.of(colOr(row.owner() != null ? "owner" : "branch"), "Code", "is not an id"));
        }
        if (!current.tags().containsAll(row.tags())) {
            Set<String> tags = new LinkedHashSet<>(current.tags());
            tags.addAll(row.tags());
            c = c.withTags(tags);
        }
        List<ContactPoint> added = contactPoints(row, current.contactPoints(), v);
        if (!added.isEmpty()) {
            List<ContactPoint> all = new ArrayList<>(current.contactPoints());
            all.addAll(added);
            c = c.withContactPoints(all);
        }
        Map<String, ExtensionValue> ext = new HashMap<>(current.extensions());
        row.extensions().forEach((k, val) -> ext.put(k, ExtensionValue.text(val)));
        if (!ext.equals(current.extensions())) {
            c = c.withExtensions(ext);
        }
        if (!v.isEmpty()) {
            return RowOutcome.rejected(v);
        }
        if (c.equals(current)) {
            return RowOutcome.of(RowOutcome.Kind.UNCHANGED);
        }
        Customer saved = session.customers().update(c);
        unitWritten.add(saved.id());
        for (Identifier id : saved.identifiers()) {
            unitKeys.put(id.naturalKey(), saved.id());
        }
        return new RowOutcome(RowOutcome.Kind.UPDATED, List.of(), saved.id(), current.meta().version());
    }

    /** The row's phones and e-mails not already among {@code existing}. */
    private List<ContactPoint> contactPoints(MappedRow row, List<ContactPoint> existing, List<Violation> v) {
        List<ContactPoint> out = new ArrayList<>();
        for (String phone : row.phones()) {
            if (existing.stream().noneMatch(cp -> cp.type() == ContactPointType.PHONE && phone.equals(cp.value()))) {
                add(out, ContactPointType.PHONE, phone, "phone", v);
            }
        }
        for (String email : row.emails()) {
            if (existing.stream().noneMatch(cp -> cp.type() == ContactPointType.EMAIL && email.equalsIgnoreCase(cp.value()))) {
                add(out, ContactPointType.EMAIL, email, "email", v);
            }
        }
        return out;
    }

    private void add(List<ContactPoint> out, ContactPointType type, String value, String target, List<Violation> v) {
        try {
            out.add(new ContactPoint(type, value, null, null, false, List.of()));
        } catch (ValidationException e) {
            for (Violation x : e.violations()) {
                v.add(Violation.of(colOr(target), x.rule(), x.message()));
            }
        }
    }

    private static final java.util.regex.Pattern IDENTIFIER_PATH = java.util.regex.Pattern.compile("(?:customer\\.)?identifiers\\[(\\d{1,4})\\].*");

    /** Service violations name NewCustomer's paths; the error file names source columns. */
    private List<Violation> translate(List<Violation> violations, NewCustomer customer) {
        List<Violation> out = new ArrayList<>();
        for (Violation x : violations) {
            String f = x.field();
            java.util.regex.Matcher id = IDENTIFIER_PATH.matcher(f);
            if (id.matches() && Integer.parseInt(id.group(1)) < customer.identifiers().size()) {
                // the column of the very identifier refused (a taken key names its own column)
                out.add(Violation.of(columnOf(customer.identifiers().get(Integer.parseInt(id.group(1)))), x.rule(), x.message()));
                continue;
            }
            String head = f.contains(".") ? f.substring(f.indexOf('.') + 1) : f;
            head = head.replaceAll("\\[.*$", "");
            String target = switch (head) {
                case "customer" -> "";
                case "identifiers" -> "identifier";
                case "contactPoints" -> "phone";
                default -> head;
            };
            String col = target.equals("identifier") ? mapping.identifiers().get(0).column() : mapping.column(target);
            out.add(Violation.of(col != null ? col : f, x.rule(), x.message()));
        }
        return out;
    }

    private String columnOf(Identifier id) {
        for (ColumnMapping.IdentifierColumn c : mapping.identifiers()) {
            if (c.type() == id.type() && c.issuer().equalsIgnoreCase(id.issuer())) {
                return c.column();
            }
        }
        return "identifier";
    }

    private String colOr(String target) {
        String c = mapping.column(target);
        return c != null ? c : target;
    }

    private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
        return value != null ? value : fallback;
    }

}
