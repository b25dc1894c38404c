package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.spi.Batch;
import io.crmkit.core.spi.InteractionRepository.Fact;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.customer.TierCode;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bulk reads of the nightly analytics: {@code InteractionRepository.streamFacts} is
 * {@code stream} projected (same interactions, same order, same fields), and
 * {@code TierRepository.currentOf} answers what one {@code current} per id answers.
 */
public abstract class AnalyticsReadContract extends StoreContract {

    private static final Channel[] CHANNELS = Channel.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    @Test
    @DisplayName("the interaction projection equals the full stream mapped field by field, in the same order, bounds included")
    void factsEqualTheFullStream() {
        CustomerId a = store().customers().save(Fixtures.customer().build()).id();
        CustomerId b = store().customers().save(Fixtures.customer().build()).id();
        Instant start = Fixtures.NOW.plusSeconds(7 * 86_400);
        for (int k = 0; k < 40; k++) {
            Interaction base = Fixtures.interaction(k % 3 == 0 ? b : a).occurredAt(start.plusSeconds(k / 2 * 3_600L).plusNanos(k * 1_000L))
                    .build();
            // every channel, both directions, every outcome and none
            Outcome outcome = k % (OUTCOMES.length + 1) == OUTCOMES.length ? null : OUTCOMES[k % (OUTCOMES.length + 1)];
            store().interactions().save(new Interaction(base.id(), base.customerId(), CHANNELS[k % CHANNELS.length],
                    k % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, base.occurredAt(), base.duration(), base.subject(),
                    base.notes(), outcome, base.participants(), base.contactId(), base.opportunityId(), base.externalRef(),
                    base.meta()));
        }
        Instant from = start.plusSeconds(3_600);          // leaves out the first two
        Instant to = start.plusSeconds(15 * 3_600L).plusNanos(30_000); // the bound's own instant is out

        List<Fact> expected;
        try (Stream<Interaction> s = store().interactions().stream(from, to)) {
            expected = s.filter(i -> i.customerId().equals(a) || i.customerId().equals(b)).map(Fact::of).toList();
        }
        List<Fact> facts;
        try (Stream<Fact> s = store().interactions().streamFacts(from, to)) {
            facts = s.filter(f -> f.customerId().equals(a) || f.customerId().equals(b)).toList();
        }

        assertThat(expected).hasSize(28);
        assertThat(facts).containsExactlyElementsOf(expected);
        assertThat(facts).extracting(Fact::outcome).containsNull();
        try (Stream<Fact> s = store().interactions().streamFacts(to, from)) {
            assertThat(s.findAny()).isEmpty();
        }
    }

    @Test
    @DisplayName("inside a transaction the projection equals the full stream there, whatever of the transaction's writes the store's stream shows")
    void factsInsideATransactionEqualTheFullStream() {
        CustomerId c = store().customers().save(Fixtures.customer().build()).id();
        Instant at = Fixtures.NOW.plusSeconds(30 * 86_400);
        store().interactions().save(Fixtures.interaction(c).occurredAt(at).build());
        store().runInTransaction(() -> {
            store().interactions().save(Fixtures.interaction(c).occurredAt(at.plusNanos(1_000)).build());
            List<Fact> full;
            try (Stream<Interaction> s = store().interactions().stream(at, at.plusSeconds(1))) {
                full = s.filter(i -> i.customerId().equals(c)).map(Fact::of).toList();
            }
            try (Stream<Fact> s = store().interactions().streamFacts(at, at.plusSeconds(1))) {
                assertThat(s.filter(f -> f.customerId().equals(c)).toList()).isNotEmpty().containsExactlyElementsOf(full);
            }
        });
    }

    @Test
    @DisplayName("current tiers of a batch equal one current() per id: without history absent, repeats once, in the given order")
    void currentOfEqualsOneReadPerId() {
        List<CustomerId> ids = new ArrayList<>();
        TierCode gold = Fixtures.tierCode();
        TierCode silver = Fixtures.tierCode();
        Instant t = Fixtures.NOW;
        for (int k = 0; k < 12; k++) {
            CustomerId c = store().customers().save(Fixtures.customer().build()).id();
            ids.add(c);
            if (k % 4 == 3) {
                continue; // no history
            }
            store().tiers().append(Fixtures.tierAssignment(c, silver, null, t.minusSeconds(7_200)));
            if (k % 2 == 0) {
                store().tiers().append(new TierAssignment(c, gold, silver, t.minusSeconds(60 * k), AssignmentSource.MANUAL,
                        "review", "rm-7", k % 4 == 0 ? t.plusSeconds(86_400) : null));
            }
            if (k % 3 == 0) { // same time as the one before, appended later: it is current
                store().tiers().append(Fixtures.tierAssignment(c, silver, gold, t.minusSeconds(60 * k)));
            }
        }
        List<CustomerId> asked = new ArrayList<>(ids);
        Collections.reverse(asked);
        asked.add(ids.get(0));
        asked.add(CustomerId.of(UniqueIds.next("missing")));

        Map<CustomerId, TierAssignment> oneByOne = new LinkedHashMap<>();
        for (CustomerId id : asked) {
            store().tiers().current(id).ifPresent(a -> oneByOne.putIfAbsent(id, a));
        }
        Map<CustomerId, TierAssignment> batch = store().tiers().currentOf(asked);

        assertThat(oneByOne).hasSize(9);
        assertThat(batch).containsExactlyEntriesOf(oneByOne);
        assertThat(store().tiers().currentOf(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a batch of current tiers refuses null ids and more than the batch limit, naming customerIds")
    void currentOfRefusesBadBatches() {
        List<CustomerId> tooMany = new ArrayList<>();
        for (int i = 0; i <= Batch.MAX_IDS; i++) {
            tooMany.add(CustomerId.of(UniqueIds.next("c")));
        }
        List<CustomerId> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> store().tiers().currentOf(tooMany)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerIds");
        assertThatThrownBy(() -> store().tiers().currentOf(withNull)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerIds");
        assertThatThrownBy(() -> store().tiers().currentOf(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customerIds");
    }
}
