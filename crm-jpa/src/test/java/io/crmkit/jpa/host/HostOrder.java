package io.crmkit.jpa.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host application's own entity (an order of a trading system), in the host's own table. */
@Entity
@Table(name = "host_order")
public class HostOrder {
    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "instrument", length = 32, nullable = false)
    String instrument;

    protected HostOrder() {
    }

    HostOrder(String id, String instrument) {
        this.id = id;
        this.instrument = instrument;
    }
}
