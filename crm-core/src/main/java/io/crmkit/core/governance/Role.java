package io.crmkit.core.governance;

import io.crmkit.core.check.Check;
import io.crmkit.core.error.ValidationException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job's permissions (每个岗位看到和做到的不同): which {@link Operation}s it may perform, at which
 * {@link Depth}, and which personal fields it sees only masked.
 *
 * <pre>{@code
 * Role rm = Role.builder("RM").grant(Depth.OWN, Operation.CUSTOMER_READ, Operation.CUSTOMER_UPDATE).build();
 * Role callCentre = Role.builder("CALL_CENTRE").grant(Depth.ALL, Operation.CUSTOMER_READ, Operation.INTERACTION_RECORD)
 *         .mask(FieldMask.IDENTIFIER_VALUE, FieldMask.PHONE).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the role's code as actors carry it
 * @param grants the depth at which each granted operation applies
 * @param masks the personal fields this role sees masked
 */
public record Role(String code, Map<Operation, Depth> grants, Set<FieldMask> masks) {
    /** Compiled once: a regular expression compiled on every construction costs more than the record. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]+");

    public Role {
        code = Check.notBlank(code, "role.code", 64);
        Check.that(CODE.matcher(code).matches(), "role.code", "Code", "must be letters, digits and _ . : -");
        grants = Map.copyOf(Check.notNull(grants, "role.grants"));
        masks = Set.copyOf(Check.notNull(masks, "role.masks"));
    }

    /** The depth at which this role grants {@code operation}, if it does. */
    public Optional<Depth> depth(Operation operation) {
        return Optional.ofNullable(grants.get(operation));
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** Builds a {@link Role}; not thread-safe. */
    public static final class Builder {
        private final String code;
        private final Map<Operation, Depth> grants = new EnumMap<>(Operation.class);
        private final Set<FieldMask> masks = EnumSet.noneOf(FieldMask.class);

        private Builder(String code) {
            this.code = code;
        }

        /** Grants the operations at {@code depth} (a wider grant of the same operation wins). */
        public Builder grant(Depth depth, Operation... operations) {
            if (depth == null || operations == null) {
                throw ValidationException.of("role.grants", "NotNull", "depth and operations must not be null");
            }
            for (Operation op : operations) {
                Check.notNull(op, "role.grants");
                grants.merge(op, depth, Depth::max);
            }
            return this;
        }

        /** Masks the fields for this role on every read. */
        public Builder mask(FieldMask... fields) {
            if (fields == null) {
                throw ValidationException.of("role.masks", "NotNull", "must not be null");
            }
            for (FieldMask f : fields) {
                masks.add(Check.notNull(f, "role.masks"));
            }
            return this;
        }

        public Role build() {
            return new Role(code, grants, masks);
        }
    }
}
