package io.crmkit.analytics.score;

import io.crmkit.analytics.internal.Checks;

/**
 * One part of the value (贡献度) score: a feature, its weight, and the cap at which it earns full
 * points. The component contributes {@code weight * clamp(value / cap, 0, 1)} before the total is
 * rescaled to 0..100, so "assets count for 40 points, full points at 1,000,000" is the whole rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code    stable code used as the reason code, e.g. {@code ASSETS}
 * @param feature the feature read
 * @param weight  relative weight, greater than 0
 * @param cap     value at which the component earns its full weight, greater than 0
 * @param label   words for the reason, e.g. "Assets under management"
 */
public record ValueComponent(String code, String feature, double weight, double cap, String label) {

    public ValueComponent {
        Checks.code(code, "value.component.code");
        Checks.featureName(feature, "value.component.feature");
        Checks.positive(weight, "value.component.weight");
        Checks.positive(cap, "value.component.cap");
        Checks.text(label, 120, "value.component.label");
    }
}
