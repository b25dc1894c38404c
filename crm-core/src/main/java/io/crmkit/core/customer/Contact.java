package io.crmkit.core.customer;

import io.crmkit.core.common.Aggregate;
import io.crmkit.core.common.Meta;
import io.crmkit.core.check.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person at a customer (联系人): the treasurer of an institution, a household member, an
 * authorised trader, with title, department, salutation, primary flag and contact points.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows ids only.
 *
 * @param id the contact id
 * @param customerId the customer the contact belongs to
 * @param name the person's name
 * @param title job title code or text, or {@code null}
 * @param department department, or {@code null}
 * @param salutation how to address them (Mr, Ms, Dr, 先生, 女士), or {@code null}
 * @param primary whether this is the customer's main contact
 * @param contactPoints phones, emails and addresses
 * @param personCustomerId the contact's own customer record when they are also a customer, or {@code null}
 * @param meta version and bookkeeping
 */
public record Contact(ContactId id, CustomerId customerId, String name, @Nullable String title,
        @Nullable String department, @Nullable String salutation, boolean primary, List<ContactPoint> contactPoints,
        @Nullable CustomerId personCustomerId, Meta meta) implements Aggregate<ContactId, Contact> {
    public Contact {
        Check.Violations v = Check.collect();
        v.notNull(id, "id");
        v.notNull(customerId, "customerId");
        v.notBlank(name, "name", Check.MAX_SHORT);
        v.optionalText(title, "title", Check.MAX_SHORT);
        v.optionalText(department, "department", Check.MAX_SHORT);
        v.optionalText(salutation, "salutation", 32);
        contactPoints = v.list(contactPoints, "contactPoints");
        if (contactPoints != null) {
            v.that(contactPoints.size() <= Customer.MAX_ITEMS, "contactPoints", "Size", "must have at most 50 entries");
        }
        v.notNull(meta, "meta");
        v.throwIfAny();
    }

    public Contact withContactPoints(List<ContactPoint> value) {
        return new Contact(id, customerId, name, title, department, salutation, primary, value, personCustomerId, meta);
    }

    public Contact withPrimary(boolean value) {
        return new Contact(id, customerId, name, title, department, salutation, value, contactPoints, personCustomerId, meta);
    }

    @Override
    public Contact withMeta(Meta value) {
        return new Contact(id, customerId, name, title, department, salutation, primary, contactPoints, personCustomerId, value);
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", customerId=" + customerId + ", primary=" + primary + ", version=" + meta.version() + "]";
    }
}
