package io.crmkit.jpa.crypto;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.jpa.testing.TestDatabase;

/**
 * Canary personal data for the field-encryption tests, the encodings they could hide in, and a
 * reader of every raw table with plain JDBC, as someone holding the database files or a backup
 * would read them.
 */
final class Canaries {
    static final String NATIONAL_ID = "11010519491231002X";
    static final String PHONE = "+8613912345678";
    static final String PHONE_DIGITS = "13912345678";
    static final String EMAIL = "canary.zhangwei@example.org";
    static final String NAME = "Canarius Zhangwei";
    static final String LOCAL_NAME = "张卫金丝雀";
    static final String ADDRESS_LINE = "88 Canarywharf Road";
    static final String ACCOUNT = "6222029988776655";
    static final String NOTE = "Canarius asked about redeeming the fund";

    static final List<String> ALL = List.of(NATIONAL_ID, PHONE_DIGITS, EMAIL, NAME, LOCAL_NAME, ADDRESS_LINE, ACCOUNT, NOTE);

    private Canaries() {
    }

    static Identifier nationalId() {
        return Identifier.nationalId("CN", NATIONAL_ID);
    }

    /** A new customer carrying every canary: name (Latin and local script), national ID, birth date, phone, email and address. */
    static NewCustomer customer() {
        return NewCustomer.individual(NAME).localName(LOCAL_NAME).identifier(nationalId())
                .birthDate(LocalDate.of(1949, 12, 31))
                .contactPoint(ContactPoint.phone(PHONE, "mobile")).contactPoint(ContactPoint.email(EMAIL, "home"))
                .contactPoint(ContactPoint.postal(new PostalAddress(List.of(ADDRESS_LINE), "Shanghai", "SH", "200120", "CN"),
                        "home"))
                .active().build();
    }

    /** Every form a canary could take in a raw column: as is, case-changed, JSON-escaped, base64 (any alignment), hex. */
    static Set<String> needles() {
        Set<String> out = new LinkedHashSet<>();
        for (String c : ALL) {
            out.add(c);
            out.add(c.toUpperCase(Locale.ROOT));
            out.add(c.toLowerCase(Locale.ROOT));
            out.add(jsonEscaped(c));
            out.add(jsonEscaped(c).toUpperCase(Locale.ROOT).replace("\\U", "\\u"));
            byte[] utf8 = c.getBytes(StandardCharsets.UTF_8);
            out.add(HexFormat.of().formatHex(utf8));
            for (int shift = 0; shift < 3; shift++) {
                out.add(stableBase64(utf8, shift, Base64.getEncoder()));
                out.add(stableBase64(utf8, shift, Base64.getUrlEncoder()));
            }
        }
        out.removeIf(s -> s.length() < 6);
        return out;
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch < 128 ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
        }
        return b.toString();
    }

    /** The part of base64 of {@code bytes} that stays the same wherever {@code shift} bytes precede it. */
    private static String stableBase64(byte[] bytes, int shift, Base64.Encoder enc) {
        byte[] shifted = new byte[bytes.length + shift];
        System.arraycopy(bytes, 0, shifted, shift, bytes.length);
        String all = enc.withoutPadding().encodeToString(shifted);
        int from = shift == 0 ? 0 : 4; // the first group mixes unknown preceding bytes
        int to = (shifted.length / 3) * 4; // the last, partial group mixes unknown following bytes
        return to > from ? all.substring(from, to) : "";
    }

    /** Every table of the database as text: each row's columns, read with plain JDBC. */
    static List<String> rawTables(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.openConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables found in " + db);
            }
            for (String t : tables) {
                StringBuilder b = new StringBuilder(t).append(':');
                String q = md.getIdentifierQuoteString().strip();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + q + t + q)) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            b.append(rs.getString(i)).append('|');
                        }
                        b.append('\n');
                    }
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    /** The needles found in the raw tables, as "needle in table" (empty: nothing readable). */
    static List<String> hits(TestDatabase db) throws SQLException {
        List<String> found = new ArrayList<>();
        Set<String> needles = needles();
        for (String table : rawTables(db)) {
            String name = table.substring(0, table.indexOf(':'));
            for (String n : needles) {
                if (table.contains(n)) {
                    found.add(n + " in " + name);
                }
            }
        }
        return found;
    }
}
