package io.crmkit.quality.dedup;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.quality.mapping.MappedRow;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What duplicate detection compares of one customer or source row: a key naming it in the results
 * (the customer id, or the source's own record key), names, birth date, phones, e-mails,
 * identifiers and city. Values are as stored or as read; {@link DuplicateFinder} normalises them
 * (NFKC, case, spacing, name order, E.164, e-mail canonical form) and ignores what does not parse.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows the key only.
 *
 * @param key what names the record in candidate pairs
 * @param legalName the (Latin or any-script) name, or {@code null}
 * @param localName the name in the local script, or {@code null}
 * @param birthDate the birth date, or {@code null}
 * @param phones phone numbers, any format
 * @param emails e-mail addresses
 * @param identifiers identifiers (already checked: their check digits are valid)
 * @param city a city code or name, or {@code null}
 */
public record MatchRecord(String key, @Nullable String legalName, @Nullable String localName, @Nullable LocalDate birthDate,
        List<String> phones, List<String> emails, List<Identifier> identifiers, @Nullable String city) {
    public MatchRecord {
        key = Check.notBlank(key, "key", 200);
        phones = Check.list(phones, "phones");
        emails = Check.list(emails, "emails");
        identifiers = Check.list(identifiers, "identifiers");
        Check.that(phones.size() <= 50 && emails.size() <= 50 && identifiers.size() <= 50, "contactPoints", "Size",
                "at most 50 phones, e-mails and identifiers each");
    }

    /** The record of a stored customer, keyed by its id. */
    public static MatchRecord of(Customer c) {
        return new MatchRecord(c.id().value(), c.name().legal(), c.name().local(), c.birthDate(),
                values(c.contactPoints(), ContactPointType.PHONE), values(c.contactPoints(), ContactPointType.EMAIL),
                c.identifiers(), c.profile().city());
    }

    /** The record of a mapped source row, keyed by {@code key}; only the row's valid fields count. */
    public static MatchRecord of(String key, MappedRow row) {
        return new MatchRecord(key, row.legalName(), row.localName(), row.birthDate(), row.phones(), row.emails(),
                row.identifiers(), row.city());
    }

    private static List<String> values(List<ContactPoint> points, ContactPointType type) {
        return points.stream().filter(p -> p.type() == type && p.value() != null).map(ContactPoint::value).toList();
    }

    @Override
    public String toString() {
        return "MatchRecord[key=" + key + ", ***]";
    }
}
