package io.crmkit.analytics.score;

import io.crmkit.analytics.internal.Checks;

/**
 * One reason behind a score: a stable machine code for systems and words a relationship manager
 * understands, e.g. {@code ASSET_OUTFLOW} / "Assets fell by 20% or more over the window".
 *
 * <p>Immutable and thread-safe.
 *
 * @param code stable upper-case code
 * @param text plain-language explanation
 */
public record Reason(String code, String text) {

    public Reason {
        Checks.code(code, "reason.code");
        Checks.text(text, 300, "reason.text");
    }
}
