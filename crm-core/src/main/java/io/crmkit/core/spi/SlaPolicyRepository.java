package io.crmkit.core.spi;

import io.crmkit.core.casework.SlaPolicy;
import io.crmkit.core.casework.SlaPolicyId;
import java.util.List;

/** SLA policies. CRUD and optimistic versions as for every {@link Repository}. */
public interface SlaPolicyRepository extends Repository<SlaPolicy, SlaPolicyId> {
    /**
     * Every policy, by id (a firm has a handful).
     *
     * @throws io.crmkit.core.error.StoreException if the store fails
     */
    List<SlaPolicy> findAll();
}
