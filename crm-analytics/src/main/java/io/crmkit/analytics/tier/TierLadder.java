package io.crmkit.analytics.tier;

import io.crmkit.analytics.internal.Checks;
import java.util.HashSet;
import java.util.List;

/**
 * The tiers of a firm, best first, e.g. {@code PLATINUM, GOLD, SILVER, BRONZE}. A tier's index
 * in the ladder is its rank: a lower index is a better tier.
 *
 * <p>Immutable and thread-safe.
 */
public final class TierLadder {

    private final List<String> codes;

    private TierLadder(List<String> codes) {
        this.codes = codes;
    }

    /**
     * @param codesBestFirst 2 to 16 distinct tier codes, best first
     * @throws RuntimeException the validation error naming {@code tiers} when invalid
     */
    public static TierLadder of(String... codesBestFirst) {
        Checks.notNull(codesBestFirst, "tiers");
        return of(List.of(codesBestFirst));
    }

    public static TierLadder of(List<String> codesBestFirst) {
        Checks.notNull(codesBestFirst, "tiers");
        if (codesBestFirst.size() < 2 || codesBestFirst.size() > 16) {
            throw Checks.invalid("tiers", "must hold 2 to 16 tiers (had " + codesBestFirst.size() + ")");
        }
        for (String c : codesBestFirst) {
            Checks.code(c, "tiers");
        }
        if (new HashSet<>(codesBestFirst).size() != codesBestFirst.size()) {
            throw Checks.invalid("tiers", "must be distinct");
        }
        return new TierLadder(List.copyOf(codesBestFirst));
    }

    public List<String> codes() {
        return codes;
    }

    public int size() {
        return codes.size();
    }

    public String code(int index) {
        return codes.get(index);
    }

    /** @throws RuntimeException naming {@code field} when the code is not in the ladder */
    public int indexOf(String code, String field) {
        int i = codes.indexOf(code);
        if (i < 0) {
            throw Checks.invalid(field, "must be one of " + codes);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierLadder && ((TierLadder) o).codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return codes.hashCode();
    }

    @Override
    public String toString() {
        return "TierLadder" + codes;
    }
}
