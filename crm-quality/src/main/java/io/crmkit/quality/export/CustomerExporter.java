package io.crmkit.quality.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.core.CrmSession;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPointType;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.quality.source.SourceFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes the customers an actor may see to CSV (with a header) or JSON Lines, page by page
 * through the actor's session, so the access policy decides what leaves: a customer hidden from
 * the actor is not exported. Columns (CSV) and keys (JSON), in order: {@value #COLUMNS_DOC}.
 * {@code identifiers} holds {@code TYPE|ISSUER|VALUE} entries, and {@code phones}, {@code emails}
 * and {@code tags} their values, each list joined by {@code ;}.
 *
 * <p>In CSV every value is passed through {@link FormulaGuard} (formula injection); JSON Lines is
 * not a spreadsheet format and is written as is unless {@link #neutraliseJson(boolean)} is set.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerExporter {
    static final String COLUMNS_DOC = "id, type, legalName, preferredName, localName, birthDate, lifecycle, owner, "
            + "branch, tier, region, city, occupation, industry, incomeBand, riskTolerance, kycLevel, identifiers, "
            + "phones, emails, tags";
    /** The exported columns, in order. */
    public static final List<String> COLUMNS = List.of(COLUMNS_DOC.split(", "));
    private static final CsvFactory CSV = new CsvFactory();
    // One object per line: the separator between root values is the line break.
    private static final com.fasterxml.jackson.core.JsonFactory JSON = new ObjectMapper().getFactory().copy().setRootValueSeparator("\n");
    private final boolean neutraliseJson;
    private final int pageSize;

    private CustomerExporter(boolean neutraliseJson, int pageSize) {
        this.neutraliseJson = neutraliseJson;
        this.pageSize = pageSize;
    }

    public static CustomerExporter ofDefaults() {
        return new CustomerExporter(false, 500);
    }

    /** A copy that also neutralises formula prefixes in JSON Lines. */
    public CustomerExporter neutraliseJson(boolean value) {
        return new CustomerExporter(value, pageSize);
    }

    /** A copy reading pages of {@code value} customers (1 to 1,000). */
    public CustomerExporter pageSize(int value) {
        return new CustomerExporter(neutraliseJson, Check.range(value, 1, PageRequest.MAX_SIZE, "pageSize"));
    }

    /**
     * Writes every customer matching {@code query} that the session's actor may see; returns how many.
     * The stream is flushed, not closed.
     *
     * @throws StoreException if writing fails
     */
    public long export(CrmSession session, CustomerQuery query, SourceFormat format, OutputStream out) {
        Check.notNull(session, "session");
        Check.notNull(query, "query");
        Check.notNull(format, "format");
        Check.notNull(out, "out");
        try (JsonGenerator g = format == SourceFormat.CSV ? CSV.createGenerator(out, JsonEncoding.UTF8)
                : JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            boolean csv = format == SourceFormat.CSV;
            if (csv) {
                ((CsvGenerator) g).setSchema(CsvSchema.emptySchema());
                g.writeStartArray();
                for (String c : COLUMNS) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            long n = 0;
            PageRequest page = PageRequest.first(pageSize);
            while (true) {
                Page<Customer> p = session.customers().list(query, page);
                for (Customer c : p.items()) {
                    write(g, csv, values(c));
                    n++;
                }
                if (!p.hasNext()) {
                    break;
                }
                page = page.next(p);
            }
            if (!csv && n > 0) {
                g.writeRaw('\n');
            }
            g.flush();
            return n;
        } catch (IOException e) {
            throw new StoreException("writing the export failed", false);
        }
    }

    private void write(JsonGenerator g, boolean csv, List<@Nullable String> values) throws IOException {
        if (csv) {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v == null ? "" : FormulaGuard.neutralise(v));
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String v = values.get(i);
                if (v != null) {
                    g.writeStringField(COLUMNS.get(i), neutraliseJson ? FormulaGuard.neutralise(v) : v);
                }
            }
            g.writeEndObject();
        }
    }

    static List<@Nullable String> values(Customer c) {
        List<@Nullable String> v = new ArrayList<>(COLUMNS.size());
        v.add(c.id().value());
        v.add(c.type().name());
        v.add(c.name().legal());
        v.add(c.name().preferred());
        v.add(c.name().local());
        v.add(c.birthDate() == null ? null : c.birthDate().toString());
        v.add(c.lifecycle().name());
        v.add(c.owner() == null ? null : c.owner().value());
        v.add(c.branch() == null ? null : c.branch().value());
        v.add(c.tier() == null ? null : c.tier().value());
        v.add(c.profile().region());
        v.add(c.profile().city());
        v.add(c.profile().occupation());
        v.add(c.profile().industry());
        v.add(c.profile().incomeBand());
        v.add(c.profile().riskTolerance() == null ? null : c.profile().riskTolerance().name());
        v.add(c.profile().kycLevel());
        v.add(join(c.identifiers().stream().map(Identifier::naturalKey).toList()));
        v.add(join(points(c, ContactPointType.PHONE)));
        v.add(join(points(c, ContactPointType.EMAIL)));
        v.add(join(new ArrayList<>(new TreeSet<>(c.tags()))));
        return v;
    }

    private static List<String> points(Customer c, ContactPointType type) {
        return c.contactPoints().stream().filter(cp -> cp.type() == type).map(ContactPoint::value).toList();
    }

    private static @Nullable String join(List<String> items) {
        return items.isEmpty() ? null : items.stream().collect(Collectors.joining(";"));
    }
}
