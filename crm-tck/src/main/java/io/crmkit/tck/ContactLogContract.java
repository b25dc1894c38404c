package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;

import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.ContactLogRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.ConsentFixtures;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contact log: CRUD (inherited) with every field read back as saved; a customer's entries in a
 * half-open time range by time, then id, inside a transaction including its own entries; the
 * carried-out entries of several customers since an instant; rollback.
 */
public abstract class ContactLogContract extends RepositoryContract<ContactAttempt, ContactAttemptId> {

    @Override
    protected Repository<ContactAttempt, ContactAttemptId> repository() {
        return log();
    }

    private ContactLogRepository log() {
        return store().contactLog();
    }

    @Override
    protected ContactAttemptId newId() {
        return ConsentFixtures.attemptId();
    }

    @Override
    protected ContactAttempt newAggregate(ContactAttemptId id) {
        ContactAttempt a = ConsentFixtures.deferred(customer(), Fixtures.NOW);
        return new ContactAttempt(id, a.customerId(), a.channel(), a.purpose(), a.department(), a.at(), a.outcome(),
                a.reason(), a.deferredUntil(), a.reference(), a.meta());
    }

    @Override
    protected ContactAttempt changed(ContactAttempt stored) {
        return new ContactAttempt(stored.id(), stored.customerId(), stored.channel(), stored.purpose(),
                io.crmkit.core.org.OrgUnitId.of("tck-other"), stored.at(), stored.outcome(), stored.reason(),
                stored.deferredUntil(), "tck:changed", stored.meta());
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    @Test
    @DisplayName("findByCustomer returns the customer's entries with from <= at < to, by time then id, any outcome")
    void byCustomerAndTime() {
        CustomerId c = customer();
        Instant t = Fixtures.NOW;
        ContactAttempt late = log().save(ConsentFixtures.carriedOut(c, t.plusSeconds(120)));
        ContactAttempt first = log().save(ConsentFixtures.deferred(c, t));
        ContactAttempt tieLow = log().save(ConsentFixtures.carriedOut(c, t.plusSeconds(60)));
        ContactAttempt tieHigh = log().save(ConsentFixtures.carriedOut(c, t.plusSeconds(60)));
        log().save(ConsentFixtures.carriedOut(c, t.plusSeconds(180)));
        log().save(ConsentFixtures.carriedOut(c, t.minusNanos(1_000)));
        log().save(ConsentFixtures.carriedOut(customer(), t));

        assertThat(log().findByCustomer(c, t, t.plusSeconds(180))).containsExactly(first, tieLow, tieHigh, late);
        assertThat(thrownValidation(() -> log().findByCustomer(c, t, t)).hasViolationOn("to")).isTrue();
    }

    @Test
    @DisplayName("findCarriedOut returns the carried-out entries of several customers since an instant, by customer, time, id")
    void carriedOutOfSeveral() {
        CustomerId a = customer();
        CustomerId b = customer();
        Instant t = Fixtures.NOW;
        ContactAttempt a1 = log().save(ConsentFixtures.carriedOut(a, t));
        ContactAttempt a2 = log().save(ConsentFixtures.carriedOut(a, t.plusSeconds(1)));
        log().save(ConsentFixtures.deferred(a, t.plusSeconds(2)));
        log().save(ConsentFixtures.carriedOut(a, t.minusSeconds(1)));
        ContactAttempt b1 = log().save(ConsentFixtures.carriedOut(b, t.plusSeconds(5)));

        List<ContactAttempt> found = log().findCarriedOut(List.of(b, a), t);

        assertThat(found).containsExactlyElementsOf(a.compareTo(b) < 0 ? List.of(a1, a2, b1) : List.of(b1, a1, a2));
    }

    @Test
    @DisplayName("inside a transaction findByCustomer includes its own entries; a rollback removes them")
    void transactional() {
        CustomerId c = customer();
        ContactAttempt committed = log().save(ConsentFixtures.carriedOut(c, Fixtures.NOW));
        thrown(AlertContract.Rollback.class, () -> store().runInTransaction(() -> {
            ContactAttempt mine = log().save(ConsentFixtures.carriedOut(c, Fixtures.NOW.plusSeconds(10)));
            assertThat(log().findByCustomer(c, Fixtures.NOW, Fixtures.NOW.plusSeconds(60))).containsExactly(committed, mine);
            throw new AlertContract.Rollback();
        }));
        assertThat(log().findByCustomer(c, Fixtures.NOW, Fixtures.NOW.plusSeconds(60))).containsExactly(committed);
    }
}
