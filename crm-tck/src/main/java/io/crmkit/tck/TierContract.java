package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.TierRepository;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.tier.TierDefinition;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tier definitions (listed by rank, replaced by code) and the append-only tier history (newest
 * first by effectiveFrom, then latest appended first; {@code current} is its head).
 */
public abstract class TierContract extends StoreContract {

    private TierRepository tiers() {
        return store().tiers();
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    @Test
    @DisplayName("definitions are listed by rank and include those just saved")
    void definitionsByRank() {
        TierDefinition high = Fixtures.tierDefinition(90);
        TierDefinition low = Fixtures.tierDefinition(10);
        TierDefinition middle = Fixtures.tierDefinition(50);
        tiers().saveDefinition(high);
        tiers().saveDefinition(low);
        tiers().saveDefinition(middle);

        List<TierDefinition> all = tiers().definitions();

        assertThat(all).extracting(TierDefinition::rank).isSorted();
        assertThat(all).containsSubsequence(low, middle, high);
    }

    @Test
    @DisplayName("saving a definition with an existing code replaces it: one entry, new name and rank")
    void definitionReplacedByCode() {
        TierDefinition original = Fixtures.tierDefinition(20);
        tiers().saveDefinition(original);
        TierDefinition renamed = new TierDefinition(original.code(), "Platinum Plus", 95);

        tiers().saveDefinition(renamed);

        assertThat(tiers().definitions()).filteredOn(d -> d.code().equals(original.code())).containsExactly(renamed);
    }

    @Test
    @DisplayName("history is newest first by effectiveFrom, whatever the order of appending, and only the customer's")
    void historyNewestFirst() {
        CustomerId customer = customer();
        TierCode silver = Fixtures.tierCode();
        TierCode gold = Fixtures.tierCode();
        Instant t = Fixtures.NOW;
        TierAssignment second = Fixtures.tierAssignment(customer, gold, silver, t.minusSeconds(3600));
        TierAssignment first = Fixtures.tierAssignment(customer, silver, null, t.minusSeconds(7200));
        TierAssignment third = new TierAssignment(customer, silver, gold, t, AssignmentSource.MANUAL, "downgrade on request",
                "rm-7", t.plusSeconds(86_400));
        tiers().append(second);
        tiers().append(third);
        tiers().append(first);
        tiers().append(Fixtures.tierAssignment(customer(), gold, null, t));

        assertThat(tiers().history(customer)).containsExactly(third, second, first);
        assertThat(tiers().current(customer)).contains(third);
    }

    @Test
    @DisplayName("of two entries with the same effectiveFrom, the one appended later comes first and is current")
    void historyTiesByInsertionOrder() {
        CustomerId customer = customer();
        TierAssignment earlier = Fixtures.tierAssignment(customer, Fixtures.tierCode(), null, Fixtures.NOW);
        TierAssignment later = Fixtures.tierAssignment(customer, Fixtures.tierCode(), earlier.tier(), Fixtures.NOW);
        tiers().append(earlier);
        tiers().append(later);

        assertThat(tiers().history(customer)).containsExactly(later, earlier);
        assertThat(tiers().current(customer)).contains(later);
    }

    @Test
    @DisplayName("an entry removing the tier (tier null) is kept in the history")
    void entryWithoutTier() {
        CustomerId customer = customer();
        TierAssignment gold = Fixtures.tierAssignment(customer, Fixtures.tierCode(), null, Fixtures.NOW.minusSeconds(60));
        TierAssignment removed = Fixtures.tierAssignment(customer, null, gold.tier(), Fixtures.NOW);
        tiers().append(gold);
        tiers().append(removed);

        assertThat(tiers().history(customer)).containsExactly(removed, gold);
        assertThat(tiers().current(customer)).contains(removed);
    }

    @Test
    @DisplayName("a customer without history has an empty history and no current tier")
    void emptyHistory() {
        CustomerId customer = customer();

        assertThat(tiers().history(customer)).isEmpty();
        assertThat(tiers().current(customer)).isEmpty();
    }
}
