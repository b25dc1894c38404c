package io.crmkit.quality.dedup;

import io.crmkit.core.customer.Identifier;
import io.crmkit.quality.normalize.EmailNormalizer;
import io.crmkit.quality.normalize.NameNormalizer;
import io.crmkit.quality.normalize.PhoneNormalizer;
import io.crmkit.quality.normalize.Text;
import io.crmkit.core.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MatchRecord} normalised once for comparing and blocking. Values that do not normalise
 * (a phone libphonenumber rejects, a malformed e-mail) are left out. Immutable.
 */
final class MatchFeatures {
    final String key;
    final @Nullable String name;       // sorted tokens
    final @Nullable String local;      // local-script name, normalised
    final @Nullable String initials;   // first letter of each sorted token
    final @Nullable LocalDate birth;
    final @Nullable String birthKey;   // year + the smaller and larger of month and day: equal for swapped dates
    final String[] phones;
    final String[] emails;
    final String[] ids;                // TYPE|ISSUER|VALUE
    final String[] idKinds;            // TYPE|ISSUER, same order as ids
    final @Nullable String city;
    final long[] keys;                 // blocking-key hashes, sorted and distinct

    MatchFeatures(MatchRecord r, PhoneNormalizer phoneNormalizer) {
        key = r.key();
        name = NameNormalizer.tokenKey(r.legalName());
        String loc = NameNormalizer.normalize(r.localName());
        local = loc == null ? null : loc.replace(" ", "");
        if (name != null) {
            StringBuilder sb = new StringBuilder();
            for (String t : name.split(" ")) {
                sb.appendCodePoint(t.codePointAt(0));
            }
            initials = sb.toString();
        } else {
            initials = null;
        }
        birth = r.birthDate();
        if (birth != null) {
            int a = Math.min(birth.getMonthValue(), birth.getDayOfMonth());
            int b = Math.max(birth.getMonthValue(), birth.getDayOfMonth());
            birthKey = birth.getYear() + "-" + a + "-" + b;
        } else {
            birthKey = null;
        }
        List<String> p = new ArrayList<>();
        for (String raw : r.phones()) {
            try {
                String e164 = phoneNormalizer.toE164(raw, "phone");
                if (e164 != null && !p.contains(e164)) {
                    p.add(e164);
                }
            } catch (ValidationException ignored) {
                // an unusable phone is no evidence
            }
        }
        phones = p.toArray(String[]::new);
        List<String> e = new ArrayList<>();
        for (String raw : r.emails()) {
            try {
                String c = EmailNormalizer.canonical(EmailNormalizer.normalize(raw, "email"));
                if (c != null && !e.contains(c)) {
                    e.add(c);
                }
            } catch (ValidationException ignored) {
                // an unusable e-mail is no evidence
            }
        }
        emails = e.toArray(String[]::new);
        ids = new String[r.identifiers().size()];
        idKinds = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Identifier id = r.identifiers().get(i);
            ids[i] = id.naturalKey();
            idKinds[i] = id.type() + "|" + id.issuer();
        }
        String c = null;
        try {
            c = Text.clean(r.city(), "city");
        } catch (ValidationException ignored) {
            // no evidence
        }
        city = c == null ? null : c.toLowerCase(Locale.ROOT);
        keys = keyHashes();
    }

    /**
     * The hashes of the blocking keys, sorted and distinct: every phone ({@code "P" + phone}),
     * e-mail ({@code "E" + email}) and identifier ({@code "I" + key}), and with a birth key the
     * name ({@code "N" + name + "|" + birthKey}), the initials ({@code "A"...}) and the local name
     * ({@code "L"...}). Each is {@link KeyHash} of that text, hashed as it is written, without
     * building the text.
     */
    private long[] keyHashes() {
        int named = birthKey == null ? 0 : (name != null ? 2 : 0) + (local != null ? 1 : 0);
        long[] h = new long[phones.length + emails.length + ids.length + named];
        int k = 0;
        for (String p : phones) {
            h[k++] = KeyHash.of('P', p);
        }
        for (String e : emails) {
            h[k++] = KeyHash.of('E', e);
        }
        for (String i : ids) {
            h[k++] = KeyHash.of('I', i);
        }
        if (birthKey != null) {
            if (name != null) {
                h[k++] = KeyHash.of('N', name, birthKey);
                h[k++] = KeyHash.of('A', initials, birthKey);
            }
            if (local != null) {
                h[k++] = KeyHash.of('L', local, birthKey);
            }
        }
        Arrays.sort(h);
        int distinct = 0;
        for (int i = 0; i < h.length; i++) {
            if (i == 0 || h[i] != h[i - 1]) {
                h[distinct++] = h[i];
            }
        }
        return distinct == h.length ? h : Arrays.copyOf(h, distinct);
    }
}
