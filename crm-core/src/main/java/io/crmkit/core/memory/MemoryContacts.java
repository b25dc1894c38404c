package io.crmkit.core.memory;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.check.Check;
import io.crmkit.core.spi.ContactRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Contacts indexed by customer. */
final class MemoryContacts extends MemoryTable<Contact, ContactId> implements ContactRepository {
    private static final Comparator<Contact> ORDER = Comparator.comparing((Contact c) -> !c.primary())
            .thenComparing(Contact::id);

    private final Map<CustomerId, TreeSet<ContactId>> byCustomer = new HashMap<>();

    MemoryContacts(InMemoryCrmStore store) {
        super(store, "Contact");
    }

    @Override
    void index(Contact c) {
        add(byCustomer, c.customerId(), c.id());
    }

    @Override
    void unindex(Contact c) {
        remove(byCustomer, c.customerId(), c.id());
    }

    @Override
    public List<Contact> findByCustomer(CustomerId customerId) {
        Check.notNull(customerId, "customerId");
        return seen(() -> store.read(() -> byCustomer.getOrDefault(customerId, new TreeSet<>()).stream().map(rows::get)
                .sorted(ORDER).toList()), c -> customerId.equals(c.customerId()), ORDER);
    }
}
