package io.crmkit.tck.faulty;

import io.crmkit.core.alert.Alert;
import io.crmkit.core.alert.AlertId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.AlertRepository;
import java.util.List;
import java.util.Optional;

/** An alert repository that forwards everything; faulty stores override the part they break. */
class DelegatingAlertRepository implements AlertRepository {
    final AlertRepository delegate;

    DelegatingAlertRepository(AlertRepository delegate) {
        this.delegate = delegate;
    }

    @Override public Optional<Alert> findById(AlertId id) { return delegate.findById(id); }
    @Override public Alert save(Alert a) { return delegate.save(a); }
    @Override public void delete(AlertId id, long expectedVersion) { delegate.delete(id, expectedVersion); }
    @Override public String typeName() { return delegate.typeName(); }
    @Override public List<Alert> findOpenByOwner(StaffId owner, int limit) { return delegate.findOpenByOwner(owner, limit); }
    @Override public List<Alert> findByCustomer(CustomerId c) { return delegate.findByCustomer(c); }
}
