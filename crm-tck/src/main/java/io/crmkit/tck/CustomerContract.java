package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.customer.TierCode;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.ValidIdentifiers;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The customer repository: CRUD (inherited), lookup by identifier, identifiers as natural keys
 * (refused with {@link DuplicateKeyException} on key {@code identifier}, freed by update and delete),
 * and queries by owner, branch, lifecycle, tier and tag with their counts, kept current by updates.
 */
public abstract class CustomerContract extends RepositoryContract<Customer, CustomerId> {

    @Override
    protected Repository<Customer, CustomerId> repository() {
        return customers();
    }

    private CustomerRepository customers() {
        return store().customers();
    }

    @Override
    protected CustomerId newId() {
        return Fixtures.customerId();
    }

    @Override
    protected Customer newAggregate(CustomerId id) {
        return Fixtures.customer().id(id).everyFieldSet().build();
    }

    @Override
    protected Customer changed(Customer stored) {
        return stored.withTag(Fixtures.tag()).withOwner(Fixtures.staffId());
    }

    private Customer saved(Customer c) {
        return customers().save(c);
    }

    @Test
    @DisplayName("an institution with an LEI and a unified social credit code round-trips and is found by both")
    void institutionRoundTrip() {
        Customer institution = Fixtures.customer().institution().build();

        Customer stored = saved(institution);

        assertThat(customers().get(institution.id())).readsBackAs(stored);
        assertThat(customers().findByIdentifier(institution.identifier(IdentifierType.LEI).orElseThrow()))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(institution.id()));
        assertThat(customers().findByIdentifier(
                institution.identifier(IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE).orElseThrow()))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(institution.id()));
    }

    @Test
    @DisplayName("findByIdentifier finds the customer by each of its identifiers")
    void findByEachIdentifier() {
        Customer stored = saved(Fixtures.customer().everyFieldSet().build());

        assertThat(stored.identifiers()).hasSize(3);
        for (Identifier identifier : stored.identifiers()) {
            assertThat(customers().findByIdentifier(identifier)).as("lookup by %s", identifier)
                    .hasValueSatisfying(found -> assertThat(found).readsBackAs(stored));
        }
    }

    @Test
    @DisplayName("findByIdentifier matches type, issuer and value together")
    void findByIdentifierMatchesAllThreeParts() {
        Customer stored = saved(Fixtures.customer().build());
        Identifier national = stored.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Identifier external = stored.identifier(IdentifierType.EXTERNAL_SYSTEM).orElseThrow();

        assertThat(customers().findByIdentifier(Identifier.passport("CN", national.value()))).isEmpty();
        assertThat(customers().findByIdentifier(Identifier.nationalId("HK", national.value()))).isEmpty();
        assertThat(customers().findByIdentifier(Identifier.external("card-system", external.value()))).isEmpty();
        assertThat(customers().findByIdentifier(ValidIdentifiers.nationalId())).isEmpty();
        assertThat(customers().findByIdentifier(national)).isPresent();
    }

    @Test
    @DisplayName("the same identifier value under another issuer belongs to another customer without a clash")
    void sameValueOtherIssuerIsNoClash() {
        Customer first = saved(Fixtures.customer().build());
        String key = first.identifier(IdentifierType.EXTERNAL_SYSTEM).orElseThrow().value();
        Customer second = Fixtures.customer()
                .identifiers(ValidIdentifiers.nationalId(), Identifier.external("card-system", key)).build();

        saved(second);

        assertThat(customers().findByIdentifier(Identifier.external("card-system", key)))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.id()));
        assertThat(customers().findByIdentifier(Identifier.external("core-banking", key)))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.id()));
    }

    @Test
    @DisplayName("inserting a customer with another customer's identifier throws DuplicateKeyException on 'identifier' and writes nothing")
    void duplicateIdentifierOnInsertIsRefused() {
        Customer first = saved(Fixtures.customer().build());
        Identifier taken = first.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        Customer clash = Fixtures.customer().identifiers(taken, ValidIdentifiers.coreBankingKey()).build();

        DuplicateKeyException e = thrownDuplicateKey(() -> customers().save(clash));

        assertThat(e.key()).isEqualTo("identifier");
        assertThat(e.getMessage()).doesNotContain(taken.value());
        assertThat(customers().findById(clash.id())).isEmpty();
        assertThat(customers().findByIdentifier(clash.identifiers().get(1))).isEmpty();
        assertThat(customers().findByIdentifier(taken)).hasValueSatisfying(c -> assertThat(c).readsBackAs(first));
    }

    @Test
    @DisplayName("updating a customer to take another customer's identifier throws DuplicateKeyException and keeps both as they were")
    void duplicateIdentifierOnUpdateIsRefused() {
        Customer first = saved(Fixtures.customer().build());
        Customer second = saved(Fixtures.customer().build());
        Identifier taken = first.identifier(IdentifierType.NATIONAL_ID).orElseThrow();

        DuplicateKeyException e = thrownDuplicateKey(() -> customers().save(second.withIdentifier(taken)));

        assertThat(e.key()).isEqualTo("identifier");
        assertThat(customers().get(second.id())).readsBackAs(second);
        assertThat(customers().findByIdentifier(second.identifier(IdentifierType.NATIONAL_ID).orElseThrow()))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.id()));
        assertThat(customers().findByIdentifier(taken)).hasValueSatisfying(c -> assertThat(c).readsBackAs(first));
    }

    @Test
    @DisplayName("an identifier replaced by an update is free: no longer found and available to another customer")
    void identifierFreedByUpdate() {
        Customer first = saved(Fixtures.customer().build());
        Identifier old = first.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        saved(first.withIdentifier(ValidIdentifiers.nationalId()));

        assertThat(customers().findByIdentifier(old)).isEmpty();
        Customer second = saved(Fixtures.customer().identifiers(old).build());
        assertThat(customers().findByIdentifier(old)).hasValueSatisfying(c -> assertThat(c).readsBackAs(second));
    }

    @Test
    @DisplayName("the identifiers of a deleted customer are free again")
    void identifierFreedByDelete() {
        Customer first = saved(Fixtures.customer().build());
        Identifier national = first.identifier(IdentifierType.NATIONAL_ID).orElseThrow();
        customers().delete(first.id(), first.meta().version());

        assertThat(customers().findByIdentifier(national)).isEmpty();
        Customer second = saved(Fixtures.customer().identifiers(national).build());
        assertThat(customers().findByIdentifier(national)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.id()));
    }

    @Test
    @DisplayName("find and count by owner, branch, lifecycle, tier or tag return exactly the matching customers in id order")
    void queriesBySingleCriterion() {
        StaffId owner = Fixtures.staffId();
        OrgUnitId branch = Fixtures.orgUnitId();
        TierCode tier = Fixtures.tierCode();
        String tag = Fixtures.tag();
        Customer a = saved(Fixtures.customer().owner(owner).branch(branch).tier(tier).tag(tag)
                .lifecycle(LifecycleStage.ACTIVE).build());
        Customer b = saved(Fixtures.customer().owner(owner).build());
        Customer c = saved(Fixtures.customer().branch(branch).tier(tier).build());
        Customer d = saved(Fixtures.customer().tag(tag).build());

        assertMatches(CustomerQuery.all().owner(owner), List.of(a, b));
        assertMatches(CustomerQuery.all().branch(branch), List.of(a, c));
        assertMatches(CustomerQuery.all().tier(tier), List.of(a, c));
        assertMatches(CustomerQuery.all().tag(tag), List.of(a, d));
        assertMatches(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.ACTIVE), List.of(a));
        assertMatches(CustomerQuery.all().tag(tag).lifecycle(LifecycleStage.PROSPECT), List.of(d));
    }

    @Test
    @DisplayName("criteria combine with AND, and a query nobody matches gives an empty last page and count 0")
    void criteriaCombineWithAnd() {
        StaffId owner = Fixtures.staffId();
        OrgUnitId branch = Fixtures.orgUnitId();
        Customer both = saved(Fixtures.customer().owner(owner).branch(branch).build());
        saved(Fixtures.customer().owner(owner).build());
        saved(Fixtures.customer().branch(branch).build());

        assertMatches(CustomerQuery.all().owner(owner).branch(branch), List.of(both));
        CustomerQuery none = CustomerQuery.all().owner(owner).branch(Fixtures.orgUnitId());
        assertThat(customers().count(none)).isZero();
        assertThat(customers().find(none, PageRequest.first(10))).hasItems(List.of()).isLast();
    }

    @Test
    @DisplayName("queries follow updates and deletes: a customer leaves its old owner's results and joins the new one's")
    void queriesFollowUpdatesAndDeletes() {
        StaffId oldOwner = Fixtures.staffId();
        StaffId newOwner = Fixtures.staffId();
        String tag = Fixtures.tag();
        Customer moved = saved(Fixtures.customer().owner(oldOwner).build());
        Customer stays = saved(Fixtures.customer().owner(oldOwner).build());
        Customer deleted = saved(Fixtures.customer().owner(oldOwner).tag(tag).build());

        Customer movedV2 = saved(moved.withOwner(newOwner).withTag(tag));
        customers().delete(deleted.id(), deleted.meta().version());

        assertMatches(CustomerQuery.all().owner(oldOwner), List.of(stays));
        assertMatches(CustomerQuery.all().owner(newOwner), List.of(movedV2));
        assertMatches(CustomerQuery.all().tag(tag), List.of(movedV2));
    }

    @Test
    @DisplayName("a customer's current tier change moves it between tier queries")
    void tierQueryFollowsTierChange() {
        TierCode gold = Fixtures.tierCode();
        TierCode platinum = Fixtures.tierCode();
        Customer customer = saved(Fixtures.customer().tier(gold).build());

        Customer upgraded = saved(customer.withTier(platinum));

        assertMatches(CustomerQuery.all().tier(gold), List.of());
        assertMatches(CustomerQuery.all().tier(platinum), List.of(upgraded));
    }

    private void assertMatches(CustomerQuery query, List<Customer> expected) {
        List<Customer> sorted = expected.stream().sorted((x, y) -> x.id().compareTo(y.id())).toList();
        assertThat(customers().count(query)).as("count(%s)", query).isEqualTo(expected.size());
        List<Customer> found = customers().find(query, PageRequest.first(50)).items();
        assertThat(found).as("find(%s)", query).hasSize(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(found.get(i)).as("find(%s) item %s", query, i).readsBackAs(sorted.get(i));
        }
    }
}
