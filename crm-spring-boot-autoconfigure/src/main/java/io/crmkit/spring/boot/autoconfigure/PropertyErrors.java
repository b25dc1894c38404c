package io.crmkit.spring.boot.autoconfigure;

import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;

/**
 * Turns a setting that CRMKit's own builders refused into Spring Boot's error for a bad property,
 * so the start-up report names the property, the rule and what to change. Stateless.
 */
final class PropertyErrors {
    private PropertyErrors() {
    }

    /**
     * The first violation of {@code e} as a property under {@code prefix}: the setting
     * {@code expireAfterWrite} becomes {@code <prefix>.expire-after-write}.
     */
    static InvalidConfigurationPropertyValueException of(String prefix, ValidationException e, Object value) {
        Violation first = e.violations().get(0);
        String name = prefix + "." + dashed(first.field());
        return new InvalidConfigurationPropertyValueException(name, value, first.message() + " (rule " + first.rule() + ")");
    }

    static String dashed(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
