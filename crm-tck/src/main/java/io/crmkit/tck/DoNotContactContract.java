package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrown;

import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.spi.DoNotContactRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.ConsentFixtures;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The do-not-contact repository: CRUD (inherited) keyed by the customer's id, every field read
 * back as saved (the channel set included); several customers' flags at once; rollback.
 */
public abstract class DoNotContactContract extends RepositoryContract<DoNotContact, CustomerId> {

    @Override
    protected Repository<DoNotContact, CustomerId> repository() {
        return flags();
    }

    private DoNotContactRepository flags() {
        return store().doNotContact();
    }

    @Override
    protected CustomerId newId() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    @Override
    protected DoNotContact newAggregate(CustomerId id) {
        return ConsentFixtures.flags(id);
    }

    @Override
    protected DoNotContact changed(DoNotContact stored) {
        return new DoNotContact(stored.id(), true, Set.of(Channel.EMAIL), "tck:changed", stored.meta());
    }

    @Test
    @DisplayName("findByCustomers returns the flags of the customers that have some, by customer id")
    void byCustomers() {
        DoNotContact a = flags().save(ConsentFixtures.flags(newId()));
        DoNotContact b = flags().save(ConsentFixtures.flags(newId()));
        CustomerId none = newId();

        List<DoNotContact> found = flags().findByCustomers(List.of(b.id(), none, a.id()));

        assertThat(found).containsExactlyElementsOf(a.id().compareTo(b.id()) < 0 ? List.of(a, b) : List.of(b, a));
        assertThat(found.get(0).channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.PHONE);
    }

    @Test
    @DisplayName("flags saved in a transaction that rolls back are gone")
    void rollback() {
        CustomerId c = newId();
        thrown(AlertContract.Rollback.class, () -> store().runInTransaction(() -> {
            flags().save(ConsentFixtures.flags(c));
            assertThat(flags().findById(c)).isPresent();
            throw new AlertContract.Rollback();
        }));
        assertThat(flags().findById(c)).isEmpty();
    }
}
