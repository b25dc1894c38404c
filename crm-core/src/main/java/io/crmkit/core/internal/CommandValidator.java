package io.crmkit.core.internal;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.check.Check;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Checks commands with Jakarta Validation (Hibernate Validator) and collects domain violations
 * beside them, so one {@link ValidationException} reports everything wrong at once. Messages are
 * interpolated without the expression language, so no EL implementation is needed at runtime and
 * rejected values never reach a message.
 */
final class CommandValidator {
    /** Earliest date accepted anywhere: older dates are typing mistakes. */
    static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);
    static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC);
    /** Latest date stored anywhere (maturities, due dates, expiries): later dates are typing mistakes. */
    static final LocalDate LATEST_STORED = LocalDate.of(2200, 1, 1);
    static final Instant LATEST_STORED_INSTANT = LATEST_STORED.atStartOfDay().toInstant(ZoneOffset.UTC);
    /**
     * Latest date a query accepts ("as of", "reminders on"): the end of the range every supported
     * database's DATE type holds, so {@code LocalDate.MAX} is refused here instead of failing deep
     * in a driver or in date arithmetic.
     */
    static final LocalDate LATEST_QUERY = LocalDate.of(9999, 12, 31);

    private final Validator validator;

    /**
     * Commands are plain records, never lazily loaded entities: every property is reachable and
     * cascadable. Without this, Hibernate Validator picks its JPA resolver whenever Hibernate ORM
     * is on the class path and asks the persistence provider about every property of every
     * command (a tenth of a bulk import's CPU in a JFR profile).
     */
    private static final TraversableResolver TRAVERSE_ALL = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                java.lang.annotation.ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                java.lang.annotation.ElementType elementType) {
            return true;
        }
    };

    CommandValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(TRAVERSE_ALL)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** A list to collect into, starting with the command's own constraint violations. */
    List<Violation> check(@Nullable Object command, String name) {
        List<Violation> found = new ArrayList<>();
        if (command == null) {
            found.add(Violation.of(name, "NotNull", "must not be null"));
            return found;
        }
        List<Violation> jakarta = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            jakarta.add(Violation.of(path(v.getPropertyPath()), rule, v.getMessage()));
        }
        textRule(command, jakarta);
        // Hibernate Validator reports in no fixed order; sort so errors read the same every time.
        jakarta.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
        found.addAll(jakarta);
        return found;
    }

    /** Throws when anything was collected. */
    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Adds a violation when a date is outside [EARLIEST, latest]. */
    static void plausible(@Nullable LocalDate date, LocalDate latest, String field, List<Violation> into) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(latest))) {
            into.add(Violation.of(field, "PlausibleDate", "must be between " + EARLIEST + " and " + latest));
        }
    }

    static void plausible(@Nullable Instant at, Instant latest, String field, List<Violation> into) {
        if (at != null && (at.isBefore(EARLIEST_INSTANT) || at.isAfter(latest))) {
            into.add(Violation.of(field, "PlausibleDate", "must be between " + EARLIEST_INSTANT + " and " + latest));
        }
    }

    /** Adds a violation when a required short reason is blank or too long. */
    static void reason(@Nullable String reason, List<Violation> into) {
        if (reason == null || reason.isBlank()) {
            into.add(Violation.of("reason", "NotBlank", "must not be blank"));
        } else {
            Violation v = Check.textProblem(reason, "reason", Check.MAX_SHORT);
            if (v != null) {
                into.add(v);
            }
        }
    }

    /**
     * The field path of a Jakarta violation: property names with list indexes. A map key is never
     * written out ({@code extensions[*]}): a rejected key is input, and may be personal data.
     */
    private static String path(Path raw) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : raw) {
            if (node.isInIterable()) {
                sb.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : node.getKey() != null ? "[*]" : "");
            }
            String name = node.getName();
            // container elements (<list element>, <map key>) add only their index or key marker
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && name != null && !name.startsWith("<")) {
                sb.append(sb.length() == 0 ? "" : ".").append(name);
            }
        }
        return sb.toString();
    }

    /**
     * The text rule of {@link Check} on a command's own text components: single-line when the
     * component's {@code @Size} allows at most {@link Check#MAX_SHORT} characters (or has none),
     * free text otherwise. Length is Jakarta's {@code @Size}; this adds only the character rule.
     */
    private static void textRule(Object command, List<Violation> into) {
        for (TextComponent tc : TEXT_COMPONENTS.get(command.getClass())) {
            Object value;
            try {
                value = tc.accessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                continue; // our own public records: cannot happen
            }
            if (value != null) {
                Violation v = Check.characterProblem((String) value, tc.name(), tc.freeText());
                if (v != null) {
                    into.add(v);
                }
            }
        }
    }

    /** A command's text component: its accessor, name and whether its {@code @Size} allows free text. */
    private record TextComponent(java.lang.reflect.Method accessor, String name, boolean freeText) {}

    /**
     * The text components of each command type, read once: looking the {@code @Size} annotation up
     * on every call parsed it again each time (a third of the validation of a bulk import).
     */
    private static final ClassValue<List<TextComponent>> TEXT_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<TextComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<TextComponent> out = new ArrayList<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getType() == String.class) {
                    Size size = rc.getAccessor().getAnnotation(Size.class);
                    out.add(new TextComponent(rc.getAccessor(), rc.getName(), size != null && size.max() > Check.MAX_SHORT));
                }
            }
            return List.copyOf(out);
        }
    };
}
