package io.crmkit.core.internal;

import io.crmkit.core.customer.Contact;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.governance.FieldMask;
import java.util.List;
import java.util.Set;

/** Masked copies of records for roles that may not see some personal fields. Stateless. */
final class Masking {
    private Masking() {}

    static Customer customer(Customer c, Set<FieldMask> masks) {
        Customer out = c;
        if (masks.contains(FieldMask.IDENTIFIER_VALUE)) {
            out = out.withIdentifiers(c.identifiers().stream().map(Masking::identifier).toList());
        }
        out = out.withContactPoints(points(c.contactPoints(), masks));
        if (masks.contains(FieldMask.BIRTH_DATE)) {
            out = out.withBirthDate(null);
        }
        return out;
    }

    static Contact contact(Contact c, Set<FieldMask> masks) {
        return c.withContactPoints(points(c.contactPoints(), masks));
    }

    static Identifier identifier(Identifier id) {
        return new Identifier(id.type(), keep(id.value(), 3, 4), id.issuer());
    }

    private static List<ContactPoint> points(List<ContactPoint> points, Set<FieldMask> masks) {
        return points.stream().map(p -> point(p, masks)).toList();
    }

    private static ContactPoint point(ContactPoint p, Set<FieldMask> masks) {
        if (p.type() == ContactPointType.PHONE && masks.contains(FieldMask.PHONE)) {
            String v = p.value();
            int prefix = v.startsWith("+86") || v.startsWith("+85") ? 3 : Math.min(3, v.length() - 1);
            return new ContactPoint(p.type(), keep(v, prefix, 4), null, p.label(), p.primary(), p.consents());
        }
        if (p.type() == ContactPointType.EMAIL && masks.contains(FieldMask.EMAIL)) {
            String v = p.value();
            int at = v.indexOf('@');
            return new ContactPoint(p.type(), v.charAt(0) + "***" + v.substring(at), null, p.label(), p.primary(), p.consents());
        }
        if (p.type() == ContactPointType.POSTAL && masks.contains(FieldMask.POSTAL_ADDRESS)) {
            PostalAddress a = p.address();
            return new ContactPoint(p.type(), null, new PostalAddress(List.of("***"), a.city(), a.region(), null, a.country()),
                    p.label(), p.primary(), p.consents());
        }
        return p;
    }

    /** Keeps {@code head} leading and {@code tail} trailing characters, at least three stars between. */
    static String keep(String v, int head, int tail) {
        if (v.length() <= head + tail + 2) {
            head = Math.min(head, Math.max(0, v.length() / 4));
            tail = Math.min(tail, Math.max(0, v.length() / 4));
        }
        int stars = Math.max(3, v.length() - head - tail);
        return v.substring(0, head) + "*".repeat(stars) + v.substring(v.length() - tail);
    }
}
