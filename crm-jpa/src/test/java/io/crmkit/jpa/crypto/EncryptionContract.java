package io.crmkit.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.account.NewAccount;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewContact;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.interaction.Participant;
import io.crmkit.core.org.Actor;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.testing.TestDatabase;
import io.crmkit.jpa.testing.Vendor;

/**
 * Field encryption on one database: canary personal data written through the services (so the
 * audit trail and a parked maker-checker request hold it too) is unreadable in every raw table,
 * lookups by identifier and account number still work, and a key rotation re-encrypts every row
 * while another thread keeps reading and looking up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EncryptionContract {
    private static final int CUSTOMERS = 60;

    private TestDatabase db;
    private LocalKeyring keys;
    private JpaCrmStore store;
    private Crm crm;
    private CrmSession session;
    private Customer canary;
    private final List<Customer> bulk = new ArrayList<>();

    abstract Vendor vendor();

    @BeforeAll
    void writeCanaries() {
        db = TestDatabase.fresh(vendor(), "crypto");
        keys = LocalKeyring.generate("k1");
        store = JpaCrmStore.create(db.dataSource(), JpaStoreConfig.custom().fieldEncryption(FieldEncryption.of(keys)).build());
        crm = Crm.builder().store(store).fourEyes(FourEyes.builder().rule(ApprovalRule.identifierChange()).build()).build();
        session = crm.as(Actor.system("crypto-test"));
        canary = session.customers().register(Canaries.customer());
        session.customers().update(canary.withTag("canary"));
        canary = session.customers().get(canary.id());
        session.customers().addContact(NewContact.of(canary.id(), Canaries.NAME, "Owner",
                ContactPoint.phone(Canaries.PHONE, "mobile"), ContactPoint.email(Canaries.EMAIL, null)));
        session.interactions().record(NewInteraction.of(canary.id(), Channel.PHONE, Direction.OUTBOUND)
                .subject("Call with " + Canaries.NAME).notes(Canaries.NOTE + ", reached at " + Canaries.PHONE)
                .participant(new Participant(Participant.Kind.EXTERNAL, Canaries.EMAIL, null)).build());
        session.accounts().link(NewAccount.of(canary.id(), "core-banking", Canaries.ACCOUNT, ProductLine.DEPOSIT,
                Currency.getInstance("CNY")));
        try {
            // an identifier change waits for a checker: the parked request holds the whole changed customer
            session.customers().update(canary.withIdentifier(Identifier.passport("CN", "E" + Canaries.PHONE_DIGITS.substring(3))));
        } catch (ApprovalRequiredException expected) {
            // parked, as configured
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            bulk.add(session.customers().register(NewCustomer.individual(Canaries.NAME + " " + i)
                    .identifier(Identifier.passport("GB", String.format("P%08d", i)))
                    .contactPoint(ContactPoint.phone("+86139" + String.format("%08d", i), "mobile")).active().build()));
        }
    }

    @AfterAll
    void close() {
        store.close();
        db.close();
    }

    @Test
    @DisplayName("no canary, in any encoding, can be read from any raw table, the audit trail and pending requests included")
    void rawTablesHoldNoCanary() throws SQLException {
        assertThat(session.approvals().forCustomer(canary.id())).hasSize(1);
        assertThat(session.audit().forCustomer(canary.id(), io.crmkit.core.spi.PageRequest.first(50)).items()).isNotEmpty();

        assertThat(Canaries.hits(db)).isEmpty();
        // and the tables are not simply empty: the encrypted form is there
        String primary = keys.primaryKeyId();
        assertThat(String.join("", Canaries.rawTables(db))).contains("enc:1:" + primary + ":").contains("bi:" + primary + ":");
    }

    @Test
    @DisplayName("reads decrypt every field, identifier and account-number lookups find the records, and the audit chain verifies")
    void readsAndLookupsWorkOnEncryptedData() {
        Customer read = session.customers().findByIdentifier(Canaries.nationalId()).orElseThrow();
        assertThat(read.id()).isEqualTo(canary.id());
        assertThat(read.name().legal()).isEqualTo(Canaries.NAME);
        assertThat(read.name().local()).isEqualTo(Canaries.LOCAL_NAME);
        assertThat(read.identifiers()).containsExactly(Canaries.nationalId());
        assertThat(read.contactPoints()).extracting(ContactPoint::value).contains(Canaries.PHONE, Canaries.EMAIL);
        assertThat(read.contactPoints().get(2).address().lines()).containsExactly(Canaries.ADDRESS_LINE);
        assertThat(read.birthDate()).isEqualTo(java.time.LocalDate.of(1949, 12, 31));
        assertThat(store.accounts().findByExternalId("core-banking", Canaries.ACCOUNT)).extracting(LinkedAccount::customerId)
                .containsExactly(canary.id());
        assertThat(store.accounts().findByExternalId("core-banking", "6222020000000000")).isEmpty();
        assertThat(session.customers().findByIdentifier(Identifier.nationalId("CN", "110105194912310011"))).isEmpty();
        assertThat(store.interactions().countByCustomer(canary.id())).isEqualTo(1);
        assertThat(session.audit().verify().intact()).isTrue();
    }

    @Test
    @DisplayName("a second customer with the same identifier is refused through the blind index")
    void naturalKeyStaysUnique() {
        NewCustomer twin = NewCustomer.individual("Someone Else").identifier(Canaries.nationalId()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.customers().register(twin))
                .isInstanceOf(io.crmkit.core.error.DuplicateKeyException.class);
    }

    @Test
    @DisplayName("a rotation re-encrypts every row under the new key while another thread reads and looks up without a failure")
    void rotationReencryptsEverythingWhileReadsGoOn() throws Exception {
        keys.rotate("k2");
        KeyRotation rotation = store.keyRotation();
        assertThat(rotation.remaining()).isGreaterThan(CUSTOMERS);

        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> reader = pool.submit(() -> {
            while (rotating.get() || reads.get() < 50) {
                try {
                    int n = ThreadLocalRandom.current().nextInt(CUSTOMERS);
                    Customer byId = store.customers().findById(bulk.get(n).id()).orElseThrow();
                    Customer byKey = store.customers().findByIdentifier(bulk.get(n).identifiers().get(0)).orElseThrow();
                    if (!byId.name().legal().equals(Canaries.NAME + " " + n) || !byKey.id().equals(byId.id())
                            || store.customers().findByIdentifier(Canaries.nationalId()).isEmpty()) {
                        failures.add(new AssertionError("wrong record for customer " + n));
                    }
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        RotationReport report;
        try {
            // small batches: many transactions, so the reader really runs between them
            report = rotation.runInBackground(pool, 16).get(120, TimeUnit.SECONDS);
        } finally {
            rotating.set(false);
            reader.get(60, TimeUnit.SECONDS);
            pool.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(50);
        assertThat(report.rewritten()).isGreaterThan(CUSTOMERS);
        assertThat(rotation.remaining()).isZero();
        String raw = String.join("", Canaries.rawTables(db));
        assertThat(raw).doesNotContain("enc:1:k1:").doesNotContain("bi:k1:").contains("enc:1:k2:").contains("bi:k2:");
        assertThat(Canaries.hits(db)).isEmpty();

        // nothing needs the old key any more: retire it and every read and lookup still works
        keys.retire("k1");
        assertThat(session.customers().findByIdentifier(Canaries.nationalId()).orElseThrow().name().legal())
                .isEqualTo(Canaries.NAME);
        assertThat(store.accounts().findByExternalId("core-banking", Canaries.ACCOUNT)).hasSize(1);
        assertThat(session.audit().verify().intact()).isTrue();
        assertThat(store.customers().findById(bulk.get(CUSTOMERS - 1).id())).isPresent();
    }
}
