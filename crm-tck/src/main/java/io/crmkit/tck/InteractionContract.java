package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.assertThatTimeline;
import static io.crmkit.tck.assertions.CrmAssertions.thrownDuplicateKey;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Repository;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The interaction repository: CRUD (inherited); the external reference as a natural key, which
 * makes re-recording an event a {@link DuplicateKeyException} on {@code externalRef} and lets
 * callers find the first recording; counts per customer; and the half-open, time-ordered stream.
 * Timeline paging is in {@link TimelineContract}.
 */
public abstract class InteractionContract extends RepositoryContract<Interaction, InteractionId> {
    /** A stream window far from the fixtures' default times, so other tests' interactions rarely fall in it. */
    private static final Instant WINDOW = Instant.parse("2001-09-03T00:00:00Z");

    @Override
    protected Repository<Interaction, InteractionId> repository() {
        return interactions();
    }

    private InteractionRepository interactions() {
        return store().interactions();
    }

    @Override
    protected InteractionId newId() {
        return Fixtures.interactionId();
    }

    @Override
    protected Interaction newAggregate(InteractionId id) {
        return Fixtures.interaction(customer()).id(id).build();
    }

    @Override
    protected Interaction changed(Interaction i) {
        return new Interaction(i.id(), i.customerId(), i.channel(), i.direction(), i.occurredAt(), i.duration(),
                "Corrected subject", i.notes(), Outcome.FOLLOW_UP_REQUIRED, i.participants(), i.contactId(),
                i.opportunityId(), i.externalRef(), i.meta());
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    @Test
    @DisplayName("recording an external reference again throws DuplicateKeyException on 'externalRef' and adds nothing")
    void sameExternalRefTwiceIsRefused() {
        CustomerId customer = customer();
        Interaction first = interactions().save(Fixtures.interaction(customer).build());
        Interaction replay = Fixtures.interaction(customer).externalRef(first.externalRef()).build();

        DuplicateKeyException e = thrownDuplicateKey(() -> interactions().save(replay));

        assertThat(e.key()).isEqualTo("externalRef");
        assertThat(interactions().findById(replay.id())).isEmpty();
        assertThat(interactions().countByCustomer(customer)).isEqualTo(1);
        assertThat(interactions().findByExternalRef(first.externalRef()))
                .hasValueSatisfying(found -> assertThat(found).readsBackAs(first));
    }

    @Test
    @DisplayName("findByExternalRef matches system and id together, and an update keeping its reference is no clash")
    void externalRefMatchesSystemAndId() {
        CustomerId customer = customer();
        Interaction first = interactions().save(Fixtures.interaction(customer).build());
        ExternalRef ref = first.externalRef();
        Interaction otherSystem = interactions().save(Fixtures.interaction(customer)
                .externalRef(ExternalRef.of("tck-email", ref.id())).build());

        Interaction updated = interactions().save(changed(first));

        assertThat(interactions().findByExternalRef(ref)).hasValueSatisfying(i -> assertThat(i).readsBackAs(updated));
        assertThat(interactions().findByExternalRef(ExternalRef.of("tck-email", ref.id())))
                .hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(otherSystem.id()));
        assertThat(interactions().findByExternalRef(ExternalRef.of(ref.system(), ref.id() + "x"))).isEmpty();
    }

    @Test
    @DisplayName("interactions without an external reference never clash with each other")
    void withoutExternalRefNoClash() {
        CustomerId customer = customer();
        for (int i = 0; i < 3; i++) {
            interactions().save(Fixtures.interaction(customer).externalRef(null).build());
        }

        assertThat(interactions().countByCustomer(customer)).isEqualTo(3);
    }

    @Test
    @DisplayName("the external reference of a deleted interaction can be recorded again")
    void externalRefFreedByDelete() {
        CustomerId customer = customer();
        Interaction first = interactions().save(Fixtures.interaction(customer).build());
        interactions().delete(first.id(), 1);

        Interaction again = interactions().save(Fixtures.interaction(customer).externalRef(first.externalRef()).build());

        assertThat(interactions().findByExternalRef(first.externalRef()))
                .hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(again.id()));
    }

    @Test
    @DisplayName("countByCustomer counts only that customer's interactions and follows deletes")
    void countByCustomer() {
        CustomerId customer = customer();
        CustomerId other = customer();
        Interaction first = interactions().save(Fixtures.interaction(customer).build());
        interactions().save(Fixtures.interaction(customer).build());
        interactions().save(Fixtures.interaction(other).build());

        assertThat(interactions().countByCustomer(customer)).isEqualTo(2);
        interactions().delete(first.id(), 1);
        assertThat(interactions().countByCustomer(customer)).isEqualTo(1);
        assertThat(interactions().countByCustomer(Fixtures.customerId())).isZero();
    }

    @Test
    @DisplayName("stream(from, to) yields interactions with from <= occurredAt < to, oldest first with ties by id")
    void streamIsHalfOpenAndOrdered() {
        CustomerId customer = customer();
        Instant from = WINDOW.plusSeconds(Math.floorMod(Fixtures.customerId().hashCode(), 1_000_000) * 60L);
        Instant to = from.plusSeconds(600);
        InteractionId tieLow = Fixtures.interactionId();
        InteractionId tieHigh = Fixtures.interactionId();
        Interaction atTo = save(customer, to, Fixtures.interactionId());
        Interaction middleHigh = save(customer, from.plusSeconds(300), tieHigh);
        Interaction atFrom = save(customer, from, Fixtures.interactionId());
        Interaction beforeFrom = save(customer, from.minusMillis(1), Fixtures.interactionId());
        Interaction middleLow = save(customer, from.plusSeconds(300), tieLow);
        Interaction justBeforeTo = save(customer, to.minusMillis(1), Fixtures.interactionId());

        List<Interaction> streamed;
        try (Stream<Interaction> stream = interactions().stream(from, to)) {
            streamed = stream.toList();
        }

        assertThatTimeline(streamed).isOldestFirst();
        assertThat(streamed).allSatisfy(i -> assertThat(i.occurredAt()).isAfterOrEqualTo(from).isBefore(to));
        assertThat(streamed.stream().filter(i -> i.customerId().equals(customer)).map(Interaction::id).toList())
                .containsExactly(atFrom.id(), middleLow.id(), middleHigh.id(), justBeforeTo.id());
        assertThat(Set.of(atTo.id(), beforeFrom.id())).doesNotContainAnyElementsOf(
                streamed.stream().map(Interaction::id).toList());
    }

    private Interaction save(CustomerId customer, Instant at, InteractionId id) {
        return interactions().save(Fixtures.interaction(customer).id(id).occurredAt(at).build());
    }
}
