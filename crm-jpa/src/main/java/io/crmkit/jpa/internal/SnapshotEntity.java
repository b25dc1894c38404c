package io.crmkit.jpa.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One dated snapshot of a linked account's balances and holdings; replaced, never versioned. */
@Entity(name = "AccountSnapshot")
@Table(name = "crm_account_snapshot")
@IdClass(SnapshotEntity.Key.class)
class SnapshotEntity {
    @Id
    @Column(name = "account_id", length = 64, nullable = false)
    String accountId;

    @Id
    @Column(name = "as_of", nullable = false)
    LocalDate asOf;

    @Column(name = "doc", nullable = false)
    String doc;

    /** The composite primary key. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String accountId;
        LocalDate asOf;

        Key() {
        }

        Key(String accountId, LocalDate asOf) {
            this.accountId = accountId;
            this.asOf = asOf;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(asOf, k.asOf);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, asOf);
        }
    }
}
