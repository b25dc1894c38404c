package io.crmkit.jpa.governance;

import io.crmkit.core.spi.CrmStore;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;
import io.crmkit.tck.governance.AccessMatrixKit;
import io.crmkit.tck.governance.AuditKit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The JPA store on H2 under governance")
class H2GovernanceTest {
    private static final TestDatabase DB = TestDatabase.fresh(Vendor.H2, "governance");
    private static final JpaCrmStore STORE = JpaCrmStore.create(DB.dataSource());
    /** A second store on the same database, as a second process would open it. */
    private static final JpaCrmStore SECOND = JpaCrmStore.create(DB.dataSource());

    @AfterAll
    static void close() {
        SECOND.close();
        STORE.close();
        DB.close();
    }

    @Nested
    class AccessMatrix extends AccessMatrixKit {
        @Override
        protected CrmStore createStore() {
            return STORE;
        }

        @Override
        protected boolean targetEveryTeam() {
            return false; // one target per branch: every scope boundary but the team's, at a quarter of the calls
        }
    }

    @Nested
    class Audit extends AuditKit {
        @Override
        protected CrmStore createStore() {
            return STORE;
        }

        @Override
        protected Optional<Tamperable> tamperable() {
            TestDatabase own = TestDatabase.fresh(Vendor.H2, "tamper");
            return Optional.of(new Tamperable(JpaCrmStore.create(own.dataSource()), new JdbcTamper(own)));
        }
    }

    /** Edits the stored trail with plain JDBC, as someone with database access but not the library would. */
    static final class JdbcTamper implements AuditKit.Tamper {
        private final TestDatabase db;

        JdbcTamper(TestDatabase db) {
            this.db = db;
        }

        @Override
        public void change(String entryId) {
            // Rewrite what the entry says happened, leaving its hash as it was.
            update("update crm_audit_entry set doc = replace(doc, '\"action\":\"UPDATE\"', '\"action\":\"DELETE\"') where id = ?",
                    entryId);
        }

        @Override
        public void delete(String entryId) {
            update("delete from crm_audit_entry where id = ?", entryId);
        }

        @Override
        public void insertAfter(String entryId) {
            try (Connection c = db.openConnection();
                    PreparedStatement read = c.prepareStatement(
                            "select stream_type, stream_id, customer_id, actor_id, entry_at, doc from crm_audit_entry where id = ?")) {
                read.setString(1, entryId);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    long next;
                    try (PreparedStatement max = c.prepareStatement(
                            "select max(seq) from crm_audit_entry where stream_type = ? and stream_id = ?")) {
                        max.setString(1, rs.getString(1));
                        max.setString(2, rs.getString(2));
                        try (ResultSet m = max.executeQuery()) {
                            m.next();
                            next = m.getLong(1) + 1;
                        }
                    }
                    try (PreparedStatement insert = c.prepareStatement("insert into crm_audit_entry"
                            + " (id, stream_type, stream_id, seq, customer_id, actor_id, entry_at, doc) values (?,?,?,?,?,?,?,?)")) {
                        String forged = "ffffffffffffffff-forged";
                        insert.setString(1, forged);
                        insert.setString(2, rs.getString(1));
                        insert.setString(3, rs.getString(2));
                        insert.setLong(4, next);
                        insert.setString(5, rs.getString(3));
                        insert.setString(6, rs.getString(4));
                        insert.setObject(7, rs.getObject(5));
                        insert.setString(8, rs.getString(6).replace("\"id\":\"" + entryId + "\"", "\"id\":\"" + forged + "\"")
                                .replaceFirst("\"seq\":[0-9]+", "\"seq\":" + next));
                        insert.executeUpdate();
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                throw new AssertionError("tampering failed", e);
            }
        }

        private void update(String sql, String id) {
            try (Connection c = db.openConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                if (ps.executeUpdate() != 1) {
                    throw new AssertionError("no row tampered");
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                throw new AssertionError("tampering failed", e);
            }
        }
    }

    @Nested
    class AuditChain extends io.crmkit.tck.governance.AuditChainKit {
        @Override
        protected CrmStore createStore() {
            return STORE;
        }

        @Override
        protected CrmStore createSecondStore(CrmStore first) {
            return SECOND;
        }
    }

    @Nested
    class MakerChecker extends io.crmkit.tck.governance.MakerCheckerKit {
        @Override
        protected CrmStore createStore() {
            return STORE;
        }
    }
}
