package io.crmkit.core.customer;

import io.crmkit.core.check.Check;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A way to reach a customer or contact: a phone number (E.164), an email address or a postal
 * address, with a label ("mobile", "office"), a primary flag, and the consent records for each
 * purpose. The current consent for a purpose is the most recently captured record; with none, the
 * contact point may not be used for that purpose.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} shows the type and primary flag only.
 *
 * @param type phone, email or postal
 * @param value the number or address for PHONE and EMAIL; {@code null} for POSTAL
 * @param address the postal address for POSTAL; {@code null} otherwise
 * @param label a short label, or {@code null}
 * @param primary whether it is the preferred contact point of its type
 * @param consents consent records, any order
 */
public record ContactPoint(ContactPointType type, @Nullable String value, @Nullable PostalAddress address,
        @Nullable String label, boolean primary, List<Consent> consents) {
    /** Most consent records one contact point keeps (a few purposes, each re-captured now and then). */
    public static final int MAX_CONSENTS = 100;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** A phone as a masking role sees it: the country prefix, stars, the last digits. */
    private static final Pattern MASKED_PHONE = Pattern.compile("\\+[1-9][0-9]{0,3}\\*{3,14}[0-9]{0,4}");
    // Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 is not worth its cost here.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public ContactPoint {
        Check.notNull(type, "type");
        label = Check.optionalText(label, "label", 64);
        consents = Check.list(consents, "consents");
        Check.that(consents.size() <= MAX_CONSENTS, "consents", "Size", "must have at most " + MAX_CONSENTS + " entries");
        switch (type) {
            case PHONE -> {
                Check.notBlank(value, "value", 32);
                value = value.replace(" ", "").replace("-", "");
                Check.that(E164.matcher(value).matches() || MASKED_PHONE.matcher(value).matches(), "value", "E164",
                        "must be an international phone number such as +8613800138000");
                Check.that(address == null, "address", "Null", "must be null for a phone");
            }
            case EMAIL -> {
                value = Check.notBlank(value, "value", 254).strip();
                Check.that(EMAIL.matcher(value).matches(), "value", "Email", "must be an email address");
                Check.that(address == null, "address", "Null", "must be null for an email");
            }
            case POSTAL -> {
                Check.notNull(address, "address");
                Check.that(value == null, "value", "Null", "must be null for a postal address (use address)");
            }
        }
    }

    /** Whether this is a masked copy (see {@code FieldMask}); masked contact points are refused on save. */
    public boolean isMasked() {
        return (value != null && value.indexOf('*') >= 0)
                || (address != null && address.lines().size() == 1 && address.lines().get(0).equals("***"));
    }

    public static ContactPoint phone(String e164, @Nullable String label, Consent... consents) {
        return new ContactPoint(ContactPointType.PHONE, e164, null, label, false, List.of(consents));
    }

    public static ContactPoint email(String email, @Nullable String label, Consent... consents) {
        return new ContactPoint(ContactPointType.EMAIL, email, null, label, false, List.of(consents));
    }

    public static ContactPoint postal(PostalAddress address, @Nullable String label, Consent... consents) {
        return new ContactPoint(ContactPointType.POSTAL, null, address, label, false, List.of(consents));
    }

    public ContactPoint asPrimary() {
        return new ContactPoint(type, value, address, label, true, consents);
    }

    /** A copy with one more consent record (the newest wins for its purpose). */
    public ContactPoint withConsent(Consent consent) {
        List<Consent> more = new java.util.ArrayList<>(consents);
        more.add(consent);
        return new ContactPoint(type, value, address, label, primary, more);
    }

    /** The current consent for {@code purpose}: the most recently captured record, if any. */
    public Optional<Consent> consentFor(ConsentPurpose purpose) {
        return consents.stream().filter(c -> c.purpose() == purpose).max(Comparator.comparing(Consent::capturedAt));
    }

    /** True when the current consent for {@code purpose} is GRANTED. */
    public boolean permits(ConsentPurpose purpose) {
        return consentFor(purpose).map(c -> c.status() == ConsentStatus.GRANTED).orElse(false);
    }

    @Override
    public String toString() {
        return "ContactPoint[type=" + type + ", primary=" + primary + ", ***]";
    }
}
