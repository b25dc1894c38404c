package io.crmkit.quality.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a customer feed of {@code rows} data rows (CSV with a header) where every 100th row is
 * malformed in one of six known ways, and remembers which line, column and rule each bad row must
 * be rejected with. Deterministic for a seed. Used by the import tests and the benchmarks.
 *
 * <p>Not thread-safe.
 */
public final class GeneratedFeed {
    /** The mapping matching the feed's columns. */
    public static final String MAPPING = String.join("\n",
            "legalName = name", "localName = name_cn", "birthDate = birth", "identifier.EXTERNAL_SYSTEM.core-banking = cust_no",
            "identifier.NATIONAL_ID.CN = id_no", "phone = mobile", "email = email", "city = city", "tags = tags",
            "option.phoneRegion = CN", "option.dateFormats = yyyy-MM-dd", "option.stage = ACTIVE", "");

    /** One row the importer must reject: its 1-based line, the column and the rule. */
    public record Expected(long line, String column, String rule) {}

    private static final String[] SURNAMES = {"Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yang", "Jun", "Yan", "Tao", "Ming", "Xiu"};
    private static final String[] CITIES = {"SH", "BJ", "GZ", "SZ", "HZ", "CD"};
    private static final int[] CN_W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private GeneratedFeed() {}

    /** Writes the feed to {@code file}; returns the rows that must be rejected, in line order. */
    public static List<Expected> write(Path file, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Expected> bad = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("cust_no,id_no,name,name_cn,birth,mobile,email,city,tags\n");
            for (int i = 0; i < rows; i++) {
                long line = i + 2;
                String cust = String.format("C%09d", i);
                LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rnd.nextInt(20_000));
                String id = residentId(birth, i);
                String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + " " + GIVEN[rnd.nextInt(GIVEN.length)];
                String mobile = "1" + (38 + rnd.nextInt(2)) + String.format("%08d", i % 100_000_000);
                String email = "c" + i + "@example.com";
                String city = CITIES[rnd.nextInt(CITIES.length)];
                String tags = i % 3 == 0 ? "vip;feed" : "feed";
                String extra = "";
                if (i % 100 == 57) {
                    switch ((i / 100) % 6) {
                        case 0 -> { id = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'); bad.add(new Expected(line, "id_no", "CnResidentId")); }
                        case 1 -> { mobile = "12345"; bad.add(new Expected(line, "mobile", "Phone")); }
                        case 2 -> { birth = null; bad.add(new Expected(line, "birth", "Date")); }
                        case 3 -> { name = ""; bad.add(new Expected(line, "name", "Required")); }
                        case 4 -> { email = "no-at-sign.example.com"; bad.add(new Expected(line, "email", "Email")); }
                        default -> { extra = ",surplus"; bad.add(new Expected(line, "", "ColumnCount")); }
                    }
                }
                w.write(cust + "," + id + "," + quote(name) + ",\u5f20\u4f1f," + (birth == null ? "2001-13-45" : birth.toString())
                        + "," + mobile + "," + email + "," + city + "," + tags + extra + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bad;
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : "\"" + s + "\"";
    }

    /** A valid 18-character Chinese resident ID for {@code birth}, unique per {@code seq} (below 899 million). */
    public static String residentId(LocalDate birth, int seq) {
        String body = String.format("%06d", 100_000 + seq / 1000) + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq % 1000);
        return body + checkChar(body);
    }

    public static char checkChar(String body17) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body17.charAt(k) - '0') * CN_W[k];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
