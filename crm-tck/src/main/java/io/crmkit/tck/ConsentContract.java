package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;

import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.spi.ConsentRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.ConsentFixtures;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The consent repository: CRUD (inherited) with every field read back as saved; the natural key
 * (customer, contact point kind, purpose) unique and found exactly, inside transactions too; a
 * customer's records by id; several customers' records at once (bounded); and rollback.
 */
public abstract class ConsentContract extends RepositoryContract<ConsentRecord, ConsentId> {

    @Override
    protected Repository<ConsentRecord, ConsentId> repository() {
        return consents();
    }

    private ConsentRepository consents() {
        return store().consents();
    }

    @Override
    protected ConsentId newId() {
        return ConsentFixtures.consentId();
    }

    @Override
    protected ConsentRecord newAggregate(ConsentId id) {
        return ConsentFixtures.granted(id, customer(), ContactPointKind.EMAIL, ConsentPurpose.MARKETING);
    }

    @Override
    protected ConsentRecord changed(ConsentRecord stored) {
        return stored.withdrawn(Fixtures.NOW.plusSeconds(600), "tck:settings");
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private ConsentRecord saved(CustomerId c, ContactPointKind k, ConsentPurpose p) {
        return consents().save(ConsentFixtures.granted(ConsentFixtures.consentId(), c, k, p));
    }

    @Test
    @DisplayName("find returns the record of exactly that customer, contact point kind and purpose")
    void findByNaturalKey() {
        CustomerId c = customer();
        ConsentRecord email = saved(c, ContactPointKind.EMAIL, ConsentPurpose.MARKETING);
        ConsentRecord phone = saved(c, ContactPointKind.PHONE, ConsentPurpose.MARKETING);
        saved(customer(), ContactPointKind.EMAIL, ConsentPurpose.MARKETING);

        assertThat(consents().find(c, ContactPointKind.EMAIL, ConsentPurpose.MARKETING)).contains(email);
        assertThat(consents().find(c, ContactPointKind.PHONE, ConsentPurpose.MARKETING)).contains(phone);
        assertThat(consents().find(c, ContactPointKind.EMAIL, ConsentPurpose.SURVEY)).isEmpty();
    }

    @Test
    @DisplayName("a second record for the same customer, contact point kind and purpose is refused with DuplicateKeyException naming consentKey")
    void naturalKeyUnique() {
        CustomerId c = customer();
        ConsentRecord first = saved(c, ContactPointKind.APP, ConsentPurpose.INFORMATION);

        DuplicateKeyException e = thrown(DuplicateKeyException.class, () -> saved(c, ContactPointKind.APP,
                ConsentPurpose.INFORMATION));

        assertThat(e.getMessage()).contains("consentKey");
        assertThat(consents().findByCustomer(c)).containsExactly(first);
    }

    @Test
    @DisplayName("findByCustomer lists the customer's records by id; findByCustomers those of several customers, by customer then id")
    void byCustomers() {
        CustomerId a = customer();
        CustomerId b = customer();
        ConsentRecord a1 = saved(a, ContactPointKind.EMAIL, ConsentPurpose.MARKETING);
        ConsentRecord a2 = saved(a, ContactPointKind.POSTAL, ConsentPurpose.SURVEY);
        ConsentRecord b1 = saved(b, ContactPointKind.PHONE, ConsentPurpose.RESEARCH);
        saved(customer(), ContactPointKind.PHONE, ConsentPurpose.RESEARCH);

        assertThat(consents().findByCustomer(a)).containsExactly(a1, a2);
        List<ConsentRecord> expected = new ArrayList<>(List.of(a1, a2, b1));
        expected.sort(java.util.Comparator.comparing((ConsentRecord r) -> r.customerId()).thenComparing(ConsentRecord::id));
        assertThat(consents().findByCustomers(List.of(b, a, CustomerId.of("nobody-" + a.value())))).containsExactlyElementsOf(expected);
        assertThat(consents().findByCustomers(List.of())).isEmpty();
    }

    @Test
    @DisplayName("findByCustomers refuses more than MAX_BATCH customers")
    void batchBound() {
        List<CustomerId> many = new ArrayList<>();
        for (int i = 0; i <= ConsentRepository.MAX_BATCH; i++) {
            many.add(CustomerId.of("c-" + i));
        }
        assertThat(thrownValidation(() -> consents().findByCustomers(many)).hasViolationOn("customerIds")).isTrue();
    }

    @Test
    @DisplayName("inside a transaction find sees its own new record; others see it only after commit; a rollback removes it")
    void transactional() throws Exception {
        CustomerId c = customer();
        Optional<ConsentRecord> seenByOthers = store().inTransaction(() -> {
            ConsentRecord mine = saved(c, ContactPointKind.EMAIL, ConsentPurpose.SURVEY);
            assertThat(consents().find(c, ContactPointKind.EMAIL, ConsentPurpose.SURVEY)).contains(mine);
            try {
                return CompletableFuture.supplyAsync(() -> consents().find(c, ContactPointKind.EMAIL, ConsentPurpose.SURVEY))
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(seenByOthers).isEmpty();
        assertThat(consents().find(c, ContactPointKind.EMAIL, ConsentPurpose.SURVEY)).isPresent();

        thrown(AlertContract.Rollback.class, () -> store().runInTransaction(() -> {
            saved(c, ContactPointKind.PHONE, ConsentPurpose.SURVEY);
            throw new AlertContract.Rollback();
        }));
        assertThat(consents().find(c, ContactPointKind.PHONE, ConsentPurpose.SURVEY)).isEmpty();
    }
}
