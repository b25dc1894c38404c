package io.crmkit.core.spi;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactId;
import io.crmkit.core.customer.CustomerId;
import java.util.List;

/** Contacts of customers. */
public interface ContactRepository extends Repository<Contact, ContactId> {
    /** The contacts of a customer, primary first then by id. */
    List<Contact> findByCustomer(CustomerId customerId);
}
