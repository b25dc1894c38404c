package io.crmkit.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.NewInteraction;
import io.crmkit.core.org.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    @Test
    @DisplayName("same-day purchases merge, order does not matter, and x, t_x, T and the repeat-day mean spend follow")
    void summarises() {
        PurchaseHistory h = PurchaseHistory.builder(PeriodUnit.WEEKS)
                .add("b", LocalDate.of(2024, 1, 15), 30)
                .add("a", LocalDate.of(2024, 1, 1), 10)
                .add("a", LocalDate.of(2024, 1, 29), 20)
                .add("a", LocalDate.of(2024, 1, 15), 5)
                .add("a", LocalDate.of(2024, 1, 15), 7)
                .add("late", LocalDate.of(2024, 6, 1), 9);
        CustomerSummaries s = h.summarize(LocalDate.of(2024, 2, 26));
        assertThat(s.size()).isEqualTo(2); // "late" bought after the end
        assertThat(s.id(0)).isEqualTo("a");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isCloseTo(4, within(1e-12));
        assertThat(s.age(0)).isCloseTo(8, within(1e-12));
        assertThat(s.monetary(0).getAsDouble()).isCloseTo((12 + 20) / 2.0, within(1e-12));
        assertThat(s.frequency(1)).isZero();
        assertThat(s.recency(1)).isZero();
        assertThat(s.age(1)).isCloseTo(6, within(1e-12));
        assertThat(s.monetary(1).getAsDouble()).isZero();
    }

    @Test
    @DisplayName("a calibration/holdout split counts each calibration customer's purchase days after the cut")
    void splits() {
        PurchaseHistory h = PurchaseHistory.builder(PeriodUnit.DAYS)
                .add("a", LocalDate.of(2024, 1, 1))
                .add("a", LocalDate.of(2024, 1, 10))
                .add("a", LocalDate.of(2024, 2, 5))
                .add("a", LocalDate.of(2024, 2, 5))
                .add("a", LocalDate.of(2024, 2, 20))
                .add("a", LocalDate.of(2024, 4, 1))
                .add("b", LocalDate.of(2024, 2, 10));
        CalibrationHoldout split = h.split(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1));
        assertThat(split.calibration().size()).isEqualTo(1);
        assertThat(split.calibration().monetary(0)).isEmpty();
        assertThat(split.calibration().frequency(0)).isEqualTo(1);
        assertThat(split.calibration().age(0)).isEqualTo(30);
        assertThat(split.holdoutPurchases(0)).isEqualTo(2);
        assertThat(split.holdoutLength()).isEqualTo(30);
    }

    @Test
    @DisplayName("purchases are read from the store's interaction stream, only those the host marks as purchases")
    void readsStore() {
        Crm crm = Crm.builder().build();
        CrmSession job = crm.as(Actor.system("clv-test"));
        Customer c = job.customers().register(NewCustomer.individual("Canary Person").active().build());
        for (String at : new String[] {"2024-01-01T09:00:00Z", "2024-01-01T15:00:00Z", "2024-01-08T10:00:00Z",
            "2024-01-22T10:00:00Z"}) {
            job.interactions().record(NewInteraction.of(c.id(), Channel.APP, Direction.INBOUND).at(Instant.parse(at))
                    .subject("Order").build());
        }
        job.interactions().record(NewInteraction.of(c.id(), Channel.PHONE, Direction.OUTBOUND)
                .at(Instant.parse("2024-01-25T10:00:00Z")).subject("Service call").build());
        PurchaseHistory h = StorePurchases.fromInteractions(crm.store(), i -> i.channel() == Channel.APP,
                ZoneOffset.UTC, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                PeriodUnit.DAYS);
        CustomerSummaries s = h.summarize(LocalDate.of(2024, 1, 31));
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.id(0)).isEqualTo(c.id().value());
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(21);
        assertThat(s.age(0)).isEqualTo(30);
        assertThat(s.toString()).doesNotContain("Canary");
    }
}
