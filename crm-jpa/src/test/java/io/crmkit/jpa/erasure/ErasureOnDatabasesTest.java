package io.crmkit.jpa.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.erasure.CanaryCustomer;

/**
 * The must-show of erasure on every database: a customer seeded with a canary name, national ID,
 * phone, email and address (customer, contact, interactions' notes, audit reasons) leaves 0 canary
 * hits in any column of any table read with plain JDBC after an approved erasure, 0 in any log line
 * of the library's loggers at TRACE over the whole flow, and 0 in the cache; the identity-free
 * statistics and the audit chain's verification are the same as before.
 */
@DisplayName("Erasure on the databases: no canary in any table, log line or cache")
class ErasureOnDatabasesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:30:00.123456Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    @DisplayName("after an approved erasure no table, log line or cache holds a canary, and the statistics and chain hold")
    void noCanaryAnywhere(Vendor vendor) throws SQLException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger library = (Logger) LoggerFactory.getLogger("io.crmkit");
        Level previous = library.getLevel();
        logs.start();
        root.addAppender(logs);
        library.setLevel(Level.TRACE);
        try (TestDatabase db = TestDatabase.fresh(vendor, "erasure"); JpaCrmStore jpa = JpaCrmStore.create(db.dataSource())) {
            CachingCrmStore store = CachingCrmStore.wrap(jpa);
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).audit(true).build();
            StaffId owner = StaffId.of("rm-017");
            CrmSession rm = crm.as(Actor.staff(owner, OrgUnitId.of("br-sh-01"), "RM"));
            CanaryCustomer cc = new CanaryCustomer(rm, owner, NOW);
            List<CustomerId> ids = List.of(cc.customer.id(), cc.partner.id());
            LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
            Map<String, String> before = CanaryCustomer.statistics(store, ids, today);
            rm.customers().get(cc.customer.id());
            assertThat(hits(db, cc)).as("the scan sees the planted canaries").isNotEmpty();
            assertThat(rm.audit().verify().problems()).isEmpty();

            PendingRequestId request;
            try {
                rm.erasure().request(cc.customer.id(), "data subject request DSR-118");
                throw new AssertionError("applied without approval");
            } catch (ApprovalRequiredException e) {
                request = e.requestId();
            }
            assertThat(hits(db, cc)).as("nothing erased before approval").isNotEmpty();
            crm.as(Actor.staff(StaffId.of("bm-003"), OrgUnitId.of("br-sh-01"), "BM")).approvals()
                    .approve(request, "identity checked");

            assertThat(hits(db, cc)).as("canary hits per table.column after the erasure").isEmpty();
            assertThat(cc.foundIn(CrmJson.mapper().valueToTree(store.cachedValues()).toString())).as("in the cache").isEmpty();
            assertThat(rm.customers().findByIdentifier(cc.identifier)).isEmpty();
            assertThat(CanaryCustomer.statistics(store, ids, today)).isEqualTo(before);
            assertThat(rm.audit().verify().problems()).isEmpty();
            assertThat(rm.audit().verify().entries()).isGreaterThan(20);
        } finally {
            root.detachAppender(logs);
            library.setLevel(previous);
        }
        String logged = logs.list.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(logs.list.stream().filter(e -> e.getLoggerName().startsWith("io.crmkit")).count())
                .as("the library logged at DEBUG/TRACE during the flow").isPositive();
        assertThat(CANARY_PATTERN.matcher(logged).find()).as("a canary in a log line").isFalse();
    }

    /** Every canary the fixture plants starts with one of these or is a resident ID / phone shape of it. */
    private static final java.util.regex.Pattern CANARY_PATTERN = java.util.regex.Pattern.compile(
            "Canaryname|Canarystreet|canary\\.|\\+86139\\d{8}");

    /** {@code table.column -> canaries} for every column of every table of the database, read with plain JDBC. */
    private static Map<String, List<String>> hits(TestDatabase db, CanaryCustomer cc) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = db.openConnection()) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables found").anyMatch(t -> t.equalsIgnoreCase("crm_audit_entry"))
                    .anyMatch(t -> t.equalsIgnoreCase("crm_erasure")).anyMatch(t -> t.equalsIgnoreCase("crm_customer_identifier"));
            String quote = meta.getIdentifierQuoteString().strip();
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String value = text(rs, i, md.getColumnType(i));
                            if (value == null) {
                                continue;
                            }
                            List<String> found = cc.foundIn(value);
                            if (!found.isEmpty()) {
                                out.computeIfAbsent(table + "." + md.getColumnName(i), k -> new ArrayList<>()).addAll(found);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String text(ResultSet rs, int column, int type) throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        return rs.getString(column);
    }
}
