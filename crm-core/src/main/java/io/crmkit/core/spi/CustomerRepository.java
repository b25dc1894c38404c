package io.crmkit.core.spi;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.StoreException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Customers. Identifiers are natural keys: {@link #save} refuses an identifier (same type, issuer
 * and value) held by another customer with {@link io.crmkit.core.error.DuplicateKeyException} on
 * key {@code identifier}.
 */
public interface CustomerRepository extends Repository<Customer, CustomerId> {

    /**
     * The customer holding this identifier (matched on type, issuer and value).
     *
     * @throws StoreException if the store fails
     */
    Optional<Customer> findByIdentifier(Identifier identifier);

    /** The most identifiers {@link #findByIdentifiers} takes in one call. */
    int MAX_IDENTIFIER_BATCH = 10_000;

    /**
     * The customers holding these identifiers, in one call: exactly what {@link #findByIdentifier}
     * returns for each of them (same matching rule, same view of the running transaction's own
     * writes), keyed by the identifier asked for. Identifiers no customer holds are absent from the
     * map; an identifier given twice appears once; two identifiers of one customer both map to it.
     * The map iterates in the order the identifiers were given.
     *
     * <p>This default asks {@link #findByIdentifier} once per identifier; stores that can answer a
     * batch in one query (an index under one lock, one {@code IN} query) should override it.
     *
     * @throws io.crmkit.core.error.ValidationException on {@code identifiers} if it is null, holds a
     *     null or holds more than {@link #MAX_IDENTIFIER_BATCH} identifiers
     * @throws StoreException if the store fails
     */
    default Map<Identifier, Customer> findByIdentifiers(Collection<Identifier> identifiers) {
        Map<Identifier, Customer> found = new LinkedHashMap<>();
        for (Identifier identifier : IdentifierBatch.check(identifiers)) {
            if (!found.containsKey(identifier)) {
                findByIdentifier(identifier).ifPresent(c -> found.put(identifier, c));
            }
        }
        return found;
    }

    /**
     * The customers with these ids, in one call: exactly what {@link #findById} returns for each of
     * them (the same view of the running transaction's own writes), keyed by id. Ids no customer has
     * are absent from the map; an id given twice appears once. The map iterates in the order the ids
     * were given. Batch jobs (a push plan over a million subscribers) read their customers a chunk
     * at a time through this call instead of once per customer.
     *
     * <p>This default asks {@link #findById} once per id; stores that can answer a batch in one
     * query (one lock, one {@code IN} query) should override it.
     *
     * @throws io.crmkit.core.error.ValidationException on {@code ids} if it is null, holds a null or
     *     holds more than {@link Batch#MAX_IDS} ids
     * @throws StoreException if the store fails
     */
    default Map<CustomerId, Customer> findByIds(Collection<CustomerId> ids) {
        Map<CustomerId, Customer> found = new LinkedHashMap<>();
        for (CustomerId id : Batch.ids(ids, "ids")) {
            findById(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /**
     * One page of the customers matching {@code query}, in id order. The cursor is the last id.
     *
     * @throws io.crmkit.core.error.ValidationException if the cursor is malformed
     * @throws StoreException if the store fails
     */
    Page<Customer> find(CustomerQuery query, PageRequest page);

    /** How many customers match. */
    long count(CustomerQuery query);

    /**
     * Every customer matching {@code query}, in id order, read lazily in chunks so memory stays
     * bounded however many there are. The caller must close the stream (try-with-resources).
     * Customers inserted while streaming may or may not appear; none appears twice.
     *
     * @throws StoreException if the store fails
     */
    Stream<Customer> stream(CustomerQuery query);
}
