package io.crmkit.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.ThresholdTierPolicy;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierLadder;
import io.crmkit.analytics.tier.TierOverride;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.analytics.tier.TierState;
import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreTierSync} over more customers than one batch holds (2,300: batches of 1,000, 1,000 and
 * 300): the batched reads give what one read per customer gives, and the batched write-back writes,
 * audits and publishes every change exactly as one call per change would.
 */
@DisplayName("CoreTierSync in batches")
class BatchedTierSyncTest {
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final int CUSTOMERS = 2_300;

    @Test
    @DisplayName("reads the previous state and overrides across batch edges as one read per customer would, and writes,"
            + " audits and publishes every change")
    void batchesAcrossEdges() {
        List<CrmEvent> events = new ArrayList<>();
        Crm crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).listener(events::add).build();
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        job.tiers().define(TierDefinition.of("GOLD", "Gold", 1), TierDefinition.of("SILVER", "Silver", 2));
        List<Customer> book = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer c = job.customers().register(NewCustomer.individual("Customer " + i).build());
            book.add(c);
            if (i % 7 == 0) {
                job.tiers().assignByRule(c.id(), TierCode.of("SILVER"), "earlier night");
            }
            if (i % 331 == 5) { // a few overrides, some on either side of a batch edge
                job.tiers().assignManually(c.id(), TierCode.of("GOLD"), "Retention agreement", NOW.plusSeconds(86_400));
            }
        }
        events.clear();
        FeatureFrame frame = StoreFeatureReader.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).readTasks(false).build()
                .read(crm.store(), ProgressListener.none());
        CoreTierSync sync = CoreTierSync.of(job, crm.store());
        TierLadder ladder = sync.ladder();

        TierState before = sync.previousState(frame, ladder, key -> 0);
        List<TierOverride> overrides = sync.overrides(frame, NOW);

        int expectedOverrides = 0;
        for (int r = 0; r < frame.size(); r++) {
            Optional<TierAssignment> current = crm.store().tiers().current(CustomerId.of(frame.customerKey(r)));
            int tier = current.map(a -> a.tier() == null ? -1 : ladder.codes().indexOf(a.tier().value())).orElse(-1);
            assertThat(before.tier(r)).as("row %d", r).isEqualTo(tier);
            assertThat(before.overridden(r)).isEqualTo(current.map(a -> a.source() == AssignmentSource.MANUAL).orElse(false));
            expectedOverrides += current.filter(a -> a.isActiveOverride(NOW)).isPresent() ? 1 : 0;
        }
        assertThat(overrides).hasSize(expectedOverrides).isNotEmpty();

        // Every customer scores GOLD: the ones at SILVER or without a tier change, the overridden ones are skipped.
        TierEngine engine = TierEngine.of(ThresholdTierPolicy.custom().tier("GOLD", 50).otherwise("SILVER").build(),
                TierEngineConfig.custom().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        double[] scores = new double[frame.size()];
        java.util.Arrays.fill(scores, 90);
        TierRun run = engine.run(frame.ids(), scores, before, overrides, ProgressListener.none());
        int written = sync.write(run, frame);

        assertThat(written).isEqualTo(CUSTOMERS - expectedOverrides);
        assertThat(book).allSatisfy(c -> assertThat(job.customers().get(c.id()).tier()).isEqualTo(TierCode.of("GOLD")));
        assertThat(events.stream().filter(e -> e instanceof CrmEvent.TierChanged).count()).isEqualTo(written);
        long audited = book.stream().filter(c -> job.audit().forCustomer(c.id(), PageRequest.first(100)).items().stream()
                .anyMatch(e -> e.reason() != null && e.reason().startsWith("nightly tiering: "))).count();
        assertThat(audited).as("customers whose audit trail holds the night's change").isEqualTo(written);
        // A second night changes nothing and writes nothing.
        TierRun again = engine.run(frame.ids(), scores, sync.previousState(frame, ladder, key -> 0), sync.overrides(frame, NOW),
                ProgressListener.none());
        assertThat(sync.write(again, frame)).isZero();
    }
}
