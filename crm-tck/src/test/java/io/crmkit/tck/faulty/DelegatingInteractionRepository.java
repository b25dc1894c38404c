package io.crmkit.tck.faulty;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** An interaction repository that forwards everything; faulty stores override the part they break. */
class DelegatingInteractionRepository implements InteractionRepository {
    final InteractionRepository delegate;

    DelegatingInteractionRepository(InteractionRepository delegate) {
        this.delegate = delegate;
    }

    @Override public Optional<Interaction> findById(InteractionId id) { return delegate.findById(id); }
    @Override public Interaction save(Interaction i) { return delegate.save(i); }
    @Override public void delete(InteractionId id, long expectedVersion) { delegate.delete(id, expectedVersion); }
    @Override public String typeName() { return delegate.typeName(); }
    @Override public Optional<Interaction> findByExternalRef(ExternalRef ref) { return delegate.findByExternalRef(ref); }
    @Override public Page<Interaction> timeline(CustomerId c, PageRequest p) { return delegate.timeline(c, p); }
    @Override public long countByCustomer(CustomerId c) { return delegate.countByCustomer(c); }
    @Override public Stream<Interaction> stream(Instant from, Instant to) { return delegate.stream(from, to); }
}
