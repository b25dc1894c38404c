package io.crmkit.core.spi;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.StoreException;
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
