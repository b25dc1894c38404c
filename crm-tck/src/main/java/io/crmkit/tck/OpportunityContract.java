package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityId;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The opportunity repository: CRUD (inherited), a customer's opportunities, and id-ordered pages by
 * owner (optionally by status) and by pipeline stage that follow stage moves.
 */
public abstract class OpportunityContract extends RepositoryContract<Opportunity, OpportunityId> {

    @Override
    protected Repository<Opportunity, OpportunityId> repository() {
        return opportunities();
    }

    private OpportunityRepository opportunities() {
        return store().opportunities();
    }

    @Override
    protected OpportunityId newId() {
        return Fixtures.opportunityId();
    }

    @Override
    protected Opportunity newAggregate(OpportunityId id) {
        return Fixtures.opportunity(customer(), pipeline()).id(id).build();
    }

    @Override
    protected Opportunity changed(Opportunity stored) {
        return stored.withAmount(stored.amount().plus(Money.of("0.01", "CNY"))).withProbability(55);
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private Pipeline pipeline() {
        return store().pipelines().save(Fixtures.pipeline());
    }

    /** Saves one opportunity per stage code, in shuffled order, and returns them sorted by id. */
    private List<Opportunity> savedInStages(CustomerId customer, Pipeline pipeline, StaffId owner, String... stages) {
        List<Opportunity> built = new ArrayList<>();
        for (String stage : stages) {
            built.add(Fixtures.opportunity(customer, pipeline).owner(owner).inStage(stage).build());
        }
        List<Opportunity> shuffled = new ArrayList<>(built);
        Collections.shuffle(shuffled, new Random(stages.length));
        shuffled.forEach(opportunities()::save);
        return built.stream().map(o -> opportunities().get(o.id())).toList();
    }

    private static List<OpportunityId> ids(List<Opportunity> list) {
        return list.stream().map(Opportunity::id).toList();
    }

    @Test
    @DisplayName("findByCustomer lists only that customer's opportunities, by id")
    void opportunitiesOfCustomer() {
        CustomerId customer = customer();
        Pipeline pipeline = pipeline();
        List<Opportunity> mine = savedInStages(customer, pipeline, Fixtures.staffId(), "LEAD", "WON", "LOST");
        savedInStages(customer(), pipeline, Fixtures.staffId(), "LEAD");

        assertThat(opportunities().findByCustomer(customer)).containsExactlyElementsOf(mine);
    }

    @Test
    @DisplayName("findByOwner with a status lists only that owner's opportunities in that status; with null, all of them; by id")
    void byOwnerWithStatusFilter() {
        StaffId owner = Fixtures.staffId();
        Pipeline pipeline = pipeline();
        List<Opportunity> all = savedInStages(customer(), pipeline, owner, "LEAD", "WON", "PROPOSAL", "LOST",
                "NEGOTIATION", "WON");
        savedInStages(customer(), pipeline, Fixtures.staffId(), "LEAD", "WON");

        assertThat(opportunities().findByOwner(owner, null, PageRequest.first(50))).hasItems(all).isLast();
        for (OpportunityStatus status : OpportunityStatus.values()) {
            List<Opportunity> expected = all.stream().filter(o -> o.status() == status).toList();
            assertThat(opportunities().findByOwner(owner, status, PageRequest.first(50))).as("status %s", status)
                    .hasItems(expected).isLast();
        }
    }

    @Test
    @DisplayName("findByOwner pages through the owner's opportunities in id order without gaps or repeats")
    void byOwnerPaging() {
        StaffId owner = Fixtures.staffId();
        List<Opportunity> all = savedInStages(customer(), pipeline(), owner, "LEAD", "LEAD", "PROPOSAL", "WON",
                "LEAD", "LOST", "LEAD", "NEGOTIATION", "LEAD", "PROPOSAL", "LEAD");
        List<Opportunity> open = all.stream().filter(Opportunity::isOpen).toList();

        assertThat(ids(Paging.readAll(p -> opportunities().findByOwner(owner, null, p), 3))).containsExactlyElementsOf(ids(all));
        assertThat(ids(Paging.readAll(p -> opportunities().findByOwner(owner, OpportunityStatus.OPEN, p), 2)))
                .containsExactlyElementsOf(ids(open));
    }

    @Test
    @DisplayName("findByStage pages through the opportunities in one stage of one pipeline, by id")
    void byStagePaging() {
        Pipeline pipeline = pipeline();
        Pipeline otherPipeline = pipeline();
        List<Opportunity> all = savedInStages(customer(), pipeline, Fixtures.staffId(), "PROPOSAL", "LEAD", "PROPOSAL",
                "WON", "PROPOSAL", "PROPOSAL", "PROPOSAL");
        savedInStages(customer(), otherPipeline, Fixtures.staffId(), "PROPOSAL");
        List<Opportunity> proposals = all.stream().filter(o -> o.stage().equals("PROPOSAL")).toList();

        assertThat(ids(Paging.readAll(p -> opportunities().findByStage(pipeline.id(), "PROPOSAL", p), 2)))
                .containsExactlyElementsOf(ids(proposals));
        assertThat(opportunities().findByStage(pipeline.id(), "NEGOTIATION", PageRequest.first(5))).hasItems(List.of()).isLast();
    }

    @Test
    @DisplayName("a stage move takes an opportunity out of its old stage's and status's results and into the new ones")
    void queriesFollowStageMoves() {
        StaffId owner = Fixtures.staffId();
        Pipeline pipeline = pipeline();
        Opportunity lead = savedInStages(customer(), pipeline, owner, "LEAD").get(0);
        Opportunity won = Fixtures.opportunity(lead.customerId(), pipeline).id(lead.id()).owner(owner).inStage("WON").build();

        Opportunity stored = opportunities().save(won.withMeta(lead.meta()));

        assertThat(opportunities().findByStage(pipeline.id(), "LEAD", PageRequest.first(5)).items()).isEmpty();
        assertThat(opportunities().findByStage(pipeline.id(), "WON", PageRequest.first(5))).hasItems(List.of(stored));
        assertThat(opportunities().findByOwner(owner, OpportunityStatus.OPEN, PageRequest.first(5)).items()).isEmpty();
        assertThat(opportunities().findByOwner(owner, OpportunityStatus.WON, PageRequest.first(5))).hasItems(List.of(stored));
    }
}
