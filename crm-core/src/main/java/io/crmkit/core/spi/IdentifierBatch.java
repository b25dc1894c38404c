package io.crmkit.core.spi;

import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one argument check of {@link CustomerRepository#findByIdentifiers}, shared by every store so
 * they refuse the same input the same way. Stateless and thread-safe.
 */
public final class IdentifierBatch {
    private IdentifierBatch() {}

    /**
     * The distinct identifiers of {@code identifiers} in their first order.
     *
     * @throws ValidationException on {@code identifiers} if it is null, holds a null or is larger
     *     than {@link CustomerRepository#MAX_IDENTIFIER_BATCH}
     */
    public static List<Identifier> check(Collection<Identifier> identifiers) {
        if (identifiers == null) {
            throw ValidationException.of("identifiers", "Required", "must not be null");
        }
        if (identifiers.size() > CustomerRepository.MAX_IDENTIFIER_BATCH) {
            throw ValidationException.of("identifiers", "Size",
                    "must hold at most " + CustomerRepository.MAX_IDENTIFIER_BATCH + " identifiers");
        }
        LinkedHashSet<Identifier> distinct = new LinkedHashSet<>();
        for (Identifier i : identifiers) {
            if (i == null) {
                throw ValidationException.of("identifiers", "Required", "must not hold null");
            }
            distinct.add(i);
        }
        return new ArrayList<>(distinct);
    }
}
