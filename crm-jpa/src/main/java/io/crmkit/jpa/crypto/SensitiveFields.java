package io.crmkit.jpa.crypto;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.alert.Alert;
import io.crmkit.core.approval.PendingRequest;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.task.Task;

/**
 * Which fields of which stored records are encrypted: for each record type, paths into its stored
 * JSON document (the record's component names). A path names a component ({@code birthDate}), a
 * nested one ({@code name.legal}) or one inside every element of a list ({@code identifiers[].value});
 * the value found there, a text or a whole nested object or list, becomes one ciphertext.
 *
 * <p>{@link #defaults()} marks the personal fields of the library's records: customers' names,
 * identifier values, phones, emails, postal addresses, birth dates and extension fields; contacts'
 * names, phones, emails and addresses; interactions' subjects, notes and participants; linked
 * accounts' account numbers; the arguments of pending maker-checker requests (a parked
 * {@code customers.create} holds a whole new customer); the audit trail's values and reasons;
 * free-text task descriptions and alert resolutions. Change it with {@link #from(SensitiveFields)}:
 *
 * <pre>{@code
 * SensitiveFields fields = SensitiveFields.from(SensitiveFields.defaults())
 *         .without(Customer.class, "birthDate")      // kept readable for reporting
 *         .field(Opportunity.class, "lostReason")    // free text a firm wants hidden too
 *         .build();
 * }</pre>
 *
 * <p>Two paths are also searchable: {@code Customer identifiers[].value} (natural-key lookups) and
 * {@code LinkedAccount externalId} (lookup by host account number). While they are marked, the
 * store keeps a keyed blind index (HMAC-SHA-256) in their columns instead of the value.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class SensitiveFields {
    private static final String SEGMENT = "[A-Za-z][A-Za-z0-9_]{0,63}(\\[\\])?";
    private static final String PATH = SEGMENT + "(\\." + SEGMENT + "){0,7}";

    private static final SensitiveFields DEFAULTS = custom()
            .field(Customer.class, "name").field(Customer.class, "identifiers[].value")
            .field(Customer.class, "contactPoints[].value").field(Customer.class, "contactPoints[].address")
            .field(Customer.class, "birthDate").field(Customer.class, "extensions")
            .field(Contact.class, "name").field(Contact.class, "contactPoints[].value")
            .field(Contact.class, "contactPoints[].address")
            .field(Interaction.class, "subject").field(Interaction.class, "notes")
            .field(Interaction.class, "participants")
            .field(LinkedAccount.class, "externalId")
            .field(PendingRequest.class, "arguments").field(PendingRequest.class, "decisionReason")
            .field(AuditEntry.class, "changes[].oldValue").field(AuditEntry.class, "changes[].newValue")
            .field(AuditEntry.class, "reason")
            .field(Task.class, "description")
            .field(Alert.class, "resolution")
            .build();

    private final Map<Class<?>, List<String>> paths;

    private SensitiveFields(Map<Class<?>, Set<String>> paths) {
        Map<Class<?>, List<String>> copy = new LinkedHashMap<>();
        paths.forEach((t, p) -> {
            if (!p.isEmpty()) {
                copy.put(t, List.copyOf(p));
            }
        });
        this.paths = Map.copyOf(copy);
    }

    /** The library's personal fields (see the class comment). */
    public static SensitiveFields defaults() {
        return DEFAULTS;
    }

    /** A builder with no field marked. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder that starts with the fields of {@code other}. */
    public static Builder from(SensitiveFields other) {
        Check.notNull(other, "other");
        Builder b = new Builder();
        other.paths.forEach((t, p) -> b.paths.put(t, new LinkedHashSet<>(p)));
        return b;
    }

    /** The marked paths of records of {@code type}, in the order marked; empty when none. */
    public List<String> paths(Class<?> type) {
        return paths.getOrDefault(type, List.of());
    }

    /** Whether {@code path} of {@code type} is marked. */
    public boolean isMarked(Class<?> type, String path) {
        return paths(type).contains(path);
    }

    /** Every record type with at least one marked path. */
    public Set<Class<?>> types() {
        return paths.keySet();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SensitiveFields[");
        paths.forEach((t, p) -> b.append(t.getSimpleName()).append('=').append(p).append(' '));
        return b.toString().strip() + "]";
    }

    /** Builds {@link SensitiveFields}. Not thread-safe. */
    public static final class Builder {
        private final Map<Class<?>, Set<String>> paths = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Marks {@code path} of records of {@code type} sensitive.
         *
         * @throws ValidationException if the path is not of the form {@code a.b[].c} (up to 8 segments)
         */
        public Builder field(Class<?> type, String path) {
            Check.notNull(type, "type");
            Check.notNull(path, "path");
            if (!path.matches(PATH)) {
                throw ValidationException.of("path", "FieldPath", "must be component names joined by '.', "
                        + "a list's elements as name[] (for example identifiers[].value)");
            }
            paths.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(path);
            return this;
        }

        /** Unmarks {@code path} of {@code type}; nothing happens when it was not marked. */
        public Builder without(Class<?> type, String path) {
            Check.notNull(type, "type");
            Check.notNull(path, "path");
            Set<String> p = paths.get(type);
            if (p != null) {
                p.remove(path);
            }
            return this;
        }

        public SensitiveFields build() {
            return new SensitiveFields(paths);
        }
    }
}
