package io.crmkit.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

@DisplayName("Field encryption: tampering, switching it on later, and bad configuration")
class FieldEncryptionEdgesTest {

    private static JpaCrmStore encrypted(TestDatabase db, KeyProvider keys) {
        return JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().fieldEncryption(FieldEncryption.of(keys)).build());
    }

    private static String doc(TestDatabase db, String id) throws SQLException {
        try (Connection c = db.openConnection();
                PreparedStatement s = c.prepareStatement("select doc from crm_customer where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void setDoc(TestDatabase db, String id, String doc) throws SQLException {
        try (Connection c = db.openConnection();
                PreparedStatement s = c.prepareStatement("update crm_customer set doc = ? where id = ?")) {
            s.setString(1, doc);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    private static String field(String doc, String member) {
        int at = doc.indexOf("\"" + member + "\":\"enc:1:");
        int from = doc.indexOf('"', at + member.length() + 3) ;
        return doc.substring(from + 1, doc.indexOf('"', from + 1));
    }

    @Test
    @DisplayName("a ciphertext moved into another customer's document, or changed, is refused instead of read")
    void movedOrChangedCiphertextIsRefused() throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(Vendor.H2, "crypto_tamper");
                JpaCrmStore store = encrypted(db, LocalKeyring.generate("k1"))) {
            CrmSession s = Crm.builder().store(store).build().as(Actor.system("tamper-test"));
            Customer victim = s.customers().register(Canaries.customer());
            Customer other = s.customers().register(NewCustomer.individual("Someone Else").active().build());
            String victimName = field(doc(db, victim.id().value()), "name");
            String otherDoc = doc(db, other.id().value());
            String otherName = field(otherDoc, "name");

            setDoc(db, other.id().value(), otherDoc.replace(otherName, victimName));
            assertThatThrownBy(() -> store.customers().findById(other.id())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not decrypt").hasMessageNotContaining(Canaries.NAME);

            String flipped = otherName.substring(0, otherName.length() - 2) + (otherName.endsWith("AA") ? "BB" : "AA");
            setDoc(db, other.id().value(), otherDoc.replace(otherName, flipped));
            assertThatThrownBy(() -> store.customers().findById(other.id())).isInstanceOf(StoreException.class);

            setDoc(db, other.id().value(), otherDoc);
            assertThat(store.customers().findById(other.id()).orElseThrow().name().legal()).isEqualTo("Someone Else");
        }
    }

    @Test
    @DisplayName("rows written before encryption was switched on stay readable and the job encrypts them, indexes included")
    void switchingEncryptionOnLaterEncryptsOldRows() throws SQLException {
        try (TestDatabase db = TestDatabase.fresh(Vendor.H2, "crypto_later")) {
            Customer plain;
            try (JpaCrmStore store = JpaCrmStore.create(db.dataSource())) {
                plain = Crm.builder().store(store).build().as(Actor.system("before")).customers().register(Canaries.customer());
            }
            assertThat(Canaries.hits(db)).isNotEmpty();
            LocalKeyring keys = LocalKeyring.generate("k1");
            try (JpaCrmStore store = encrypted(db, keys)) {
                // readable and findable before the job ran...
                assertThat(store.customers().findById(plain.id()).orElseThrow().name().legal()).isEqualTo(Canaries.NAME);
                KeyRotation job = store.keyRotation();
                assertThat(job.remaining()).isPositive();
                // ...and after it, with nothing left in plaintext
                job.runToEnd(100);
                assertThat(job.remaining()).isZero();
                assertThat(Canaries.hits(db)).isEmpty();
                assertThat(store.customers().findByIdentifier(Canaries.nationalId())).isPresent();
                assertThat(store.customers().findById(plain.id()).orElseThrow().contactPoints()).hasSize(3);
            }
        }
    }

    @Test
    @DisplayName("the job refuses a foreign cursor and an out-of-range batch, and a plaintext store has no job")
    void rotationRefusesBadInput() {
        try (TestDatabase db = TestDatabase.fresh(Vendor.H2, "crypto_bad");
                JpaCrmStore store = encrypted(db, LocalKeyring.generate("k1"))) {
            KeyRotation job = store.keyRotation();
            assertThatThrownBy(() -> job.step("crm_nothing:x", 10)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).hasViolationOn("cursor")).isTrue());
            assertThatThrownBy(() -> job.step(null, 0)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> job.step(null, 10_001)).isInstanceOf(ValidationException.class);
            RotationReport first = job.step(null, 10);
            assertThat(first.scanned()).isZero();
            assertThat(first.cursor()).isNotNull();
        }
        try (JpaCrmStore plain = JpaCrmStore.inMemoryH2("crypto_plain")) {
            assertThatThrownBy(plain::keyRotation).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    @DisplayName("keyrings, keys and field paths refuse malformed input with errors that name the field, never key material")
    void configurationRefusesBadInput() {
        assertThatThrownBy(() -> LocalKeyring.generate("bad:id")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LocalKeyring.parse("primary=k1\nk1=not-base64!")).isInstanceOf(ValidationException.class)
                .hasMessageNotContaining("not-base64");
        assertThatThrownBy(() -> LocalKeyring.parse("primary=k2\nk1=" + "A".repeat(88))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DataKey.ofBytes("k", new byte[16], new byte[32])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SensitiveFields.custom().field(Customer.class, "name..legal"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SensitiveFields.custom().field(Customer.class, null)).isInstanceOf(ValidationException.class);
        LocalKeyring ring = LocalKeyring.generate("k1");
        assertThatThrownBy(() -> ring.rotate("k1")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ring.retire("k1")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ring.key("k9")).isInstanceOf(StoreException.class);
        assertThat(ring.toString()).doesNotContain(ring.export().lines().skip(1).findFirst().orElseThrow().substring(3));
    }

    @Test
    @DisplayName("an exported keyring parses back to the same keys: what one store wrote, the other reads")
    void exportedKeyringReadsTheSameData() {
        LocalKeyring ring = LocalKeyring.generate("k1");
        ring.rotate("k2");
        LocalKeyring copy = LocalKeyring.parse(ring.export());
        assertThat(copy.primaryKeyId()).isEqualTo("k2");
        assertThat(copy.keyIds()).containsExactlyInAnyOrder("k1", "k2");
        try (TestDatabase db = TestDatabase.fresh(Vendor.H2, "crypto_export")) {
            Customer c;
            try (JpaCrmStore store = encrypted(db, ring)) {
                c = Crm.builder().store(store).build().as(Actor.system("w")).customers().register(Canaries.customer());
            }
            try (JpaCrmStore store = encrypted(db, copy)) {
                assertThat(store.customers().findByIdentifier(Identifier.nationalId("CN", Canaries.NATIONAL_ID)))
                        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(c.id()));
            }
        }
    }
}
