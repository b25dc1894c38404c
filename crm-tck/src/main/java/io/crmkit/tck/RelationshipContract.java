package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Relationship;
import io.crmkit.core.customer.RelationshipId;
import io.crmkit.core.customer.RelationshipType;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The relationship repository: CRUD (inherited) and a customer's relationships on either side, current or ended. */
public abstract class RelationshipContract extends RepositoryContract<Relationship, RelationshipId> {

    @Override
    protected Repository<Relationship, RelationshipId> repository() {
        return store().relationships();
    }

    @Override
    protected RelationshipId newId() {
        return Fixtures.relationshipId();
    }

    @Override
    protected Relationship newAggregate(RelationshipId id) {
        Relationship r = Fixtures.relationship(customer(), customer());
        return new Relationship(id, r.from(), r.to(), r.type(), r.validFrom(), r.validUntil(), r.meta());
    }

    @Override
    protected Relationship changed(Relationship stored) {
        return stored.endedOn(Fixtures.TODAY);
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    @Test
    @DisplayName("findByCustomer lists relationships where the customer is on either side, current or ended, by id")
    void eitherSideCurrentOrEnded() {
        CustomerId me = customer();
        CustomerId spouse = customer();
        CustomerId household = customer();
        CustomerId company = customer();
        RelationshipId[] ids = {Fixtures.relationshipId(), Fixtures.relationshipId(), Fixtures.relationshipId()};
        Relationship asTo = saved(ids[2], household, me, RelationshipType.HOUSEHOLD_MEMBER);
        Relationship asFrom = saved(ids[0], me, company, RelationshipType.BENEFICIAL_OWNER);
        Relationship ended = store().relationships().save(saved(ids[1], me, spouse, RelationshipType.SPOUSE)
                .endedOn(Fixtures.TODAY.minusDays(1)));
        saved(Fixtures.relationshipId(), spouse, company, RelationshipType.GUARANTOR);

        List<Relationship> found = store().relationships().findByCustomer(me);

        assertThat(found).extracting(Relationship::id).containsExactly(ids);
        assertThat(found.get(0)).readsBackAs(asFrom);
        assertThat(found.get(1)).readsBackAs(ended);
        assertThat(found.get(2)).readsBackAs(asTo);
        assertThat(store().relationships().findByCustomer(spouse)).extracting(Relationship::id).contains(ids[1]).hasSize(2);
    }

    @Test
    @DisplayName("a deleted relationship disappears from both customers' lists")
    void deleteRemovesFromBothSides() {
        CustomerId a = customer();
        CustomerId b = customer();
        Relationship r = saved(Fixtures.relationshipId(), a, b, RelationshipType.REFERRED_BY);

        store().relationships().delete(r.id(), r.meta().version());

        assertThat(store().relationships().findByCustomer(a)).isEmpty();
        assertThat(store().relationships().findByCustomer(b)).isEmpty();
    }

    private Relationship saved(RelationshipId id, CustomerId from, CustomerId to, RelationshipType type) {
        return store().relationships().save(new Relationship(id, from, to, type, Fixtures.TODAY.minusYears(2), null,
                Meta.created(Fixtures.NOW, Fixtures.ACTOR)));
    }
}
