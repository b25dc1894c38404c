package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contact repository: CRUD (inherited) and a customer's contacts, primary first then by id. */
public abstract class ContactContract extends RepositoryContract<Contact, ContactId> {

    @Override
    protected Repository<Contact, ContactId> repository() {
        return store().contacts();
    }

    @Override
    protected ContactId newId() {
        return Fixtures.contactId();
    }

    @Override
    protected Contact newAggregate(ContactId id) {
        Customer customer = store().customers().save(Fixtures.customer().institution().build());
        return Fixtures.contact(customer.id(), id, true);
    }

    @Override
    protected Contact changed(Contact stored) {
        return stored.withPrimary(!stored.primary());
    }

    @Test
    @DisplayName("findByCustomer lists only that customer's contacts, the primary first, then by id")
    void contactsOfCustomerPrimaryFirstThenById() {
        Customer customer = store().customers().save(Fixtures.customer().institution().build());
        Customer other = store().customers().save(Fixtures.customer().institution().build());
        ContactId a = Fixtures.contactId();
        ContactId b = Fixtures.contactId();
        ContactId c = Fixtures.contactId();
        Contact third = store().contacts().save(Fixtures.contact(customer.id(), c, false));
        Contact primary = store().contacts().save(Fixtures.contact(customer.id(), b, true));
        Contact first = store().contacts().save(Fixtures.contact(customer.id(), a, false));
        store().contacts().save(Fixtures.contact(other.id()));

        List<Contact> found = store().contacts().findByCustomer(customer.id());

        assertThat(found).extracting(Contact::id).containsExactly(b, a, c);
        assertThat(found.get(0)).readsBackAs(primary);
        assertThat(found.get(1)).readsBackAs(first);
        assertThat(found.get(2)).readsBackAs(third);
    }

    @Test
    @DisplayName("findByCustomer follows changes of the primary flag and deletes")
    void contactsOfCustomerFollowUpdates() {
        Customer customer = store().customers().save(Fixtures.customer().institution().build());
        ContactId a = Fixtures.contactId();
        ContactId b = Fixtures.contactId();
        ContactId c = Fixtures.contactId();
        Contact ca = store().contacts().save(Fixtures.contact(customer.id(), a, true));
        Contact cb = store().contacts().save(Fixtures.contact(customer.id(), b, false));
        Contact cc = store().contacts().save(Fixtures.contact(customer.id(), c, false));

        store().contacts().save(ca.withPrimary(false));
        store().contacts().save(cc.withPrimary(true));
        store().contacts().delete(cb.id(), cb.meta().version());

        assertThat(store().contacts().findByCustomer(customer.id())).extracting(Contact::id).containsExactly(c, a);
    }

    @Test
    @DisplayName("a customer without contacts has an empty list")
    void noContacts() {
        Customer customer = store().customers().save(Fixtures.customer().build());

        assertThat(store().contacts().findByCustomer(customer.id())).isEmpty();
    }
}
