package io.crmkit.core.internal;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
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

    private final Validator validator;

    CommandValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
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
            jakarta.add(Violation.of(path(v.getPropertyPath().toString()), rule, v.getMessage()));
        }
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
        } else if (reason.length() > io.crmkit.core.check.Check.MAX_SHORT) {
            into.add(Violation.of("reason", "Size", "must be at most " + io.crmkit.core.check.Check.MAX_SHORT + " characters"));
        }
    }

    /** Hibernate Validator names container elements {@code tags[].<iterable element>}; keep the readable part. */
    private static String path(String raw) {
        return raw.replace(".<iterable element>", "").replace(".<list element>", "").replace(".<map value>", "")
                .replace(".<map key>", "").replace("[]", "");
    }
}
