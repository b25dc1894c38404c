package io.crmkit.tck.faulty;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.util.Optional;
import java.util.stream.Stream;

/** A customer repository that forwards everything; faulty stores override the part they break. */
class DelegatingCustomerRepository implements CustomerRepository {
    final CustomerRepository delegate;

    DelegatingCustomerRepository(CustomerRepository delegate) {
        this.delegate = delegate;
    }

    @Override public Optional<Customer> findById(CustomerId id) { return delegate.findById(id); }
    @Override public Customer save(Customer c) { return delegate.save(c); }
    @Override public void delete(CustomerId id, long expectedVersion) { delegate.delete(id, expectedVersion); }
    @Override public String typeName() { return delegate.typeName(); }
    @Override public Optional<Customer> findByIdentifier(Identifier i) { return delegate.findByIdentifier(i); }
    @Override public Page<Customer> find(CustomerQuery q, PageRequest p) { return delegate.find(q, p); }
    @Override public long count(CustomerQuery q) { return delegate.count(q); }
    @Override public Stream<Customer> stream(CustomerQuery q) { return delegate.stream(q); }
}
