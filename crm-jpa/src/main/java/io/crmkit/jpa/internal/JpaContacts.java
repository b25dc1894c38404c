package io.crmkit.jpa.internal;

import java.util.List;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.ContactRepository;

/** Contacts on JPA. Thread-safe. */
final class JpaContacts extends JpaRepository<Contact, ContactId, ContactEntity> implements ContactRepository {

    JpaContacts(Transactions tx, StoreSettings settings) {
        super(tx, settings, ContactEntity.class, Contact.class, "Contact");
    }

    @Override
    String key(ContactId id) {
        return id.value();
    }

    @Override
    ContactEntity newEntity() {
        return new ContactEntity();
    }

    @Override
    void copyColumns(Contact a, ContactEntity e) {
        e.customerId = a.customerId().value();
        e.primary = a.primary();
    }

    @Override
    public List<Contact> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return tx.run(em -> fromRows(Jpql.from("Contact").and("e.customerId = :c", "c", customerId.value())
                .list(em, "e.primary desc, e.id", 0)));
    }
}
