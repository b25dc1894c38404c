package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReminderRulesTest {
    @Test
    @DisplayName("29 February birthdays fall on 28 February in common years and on the 29th in leap years")
    void leapDayBirthday() {
        assertThat(TaskServiceImpl.isBirthday(LocalDate.of(1992, 2, 29), LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(TaskServiceImpl.isBirthday(LocalDate.of(1992, 2, 29), LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(TaskServiceImpl.isBirthday(LocalDate.of(1992, 2, 29), LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(TaskServiceImpl.isBirthday(LocalDate.of(1990, 3, 7), LocalDate.of(2026, 3, 7))).isTrue();
        assertThat(TaskServiceImpl.isBirthday(LocalDate.of(1990, 3, 7), LocalDate.of(2026, 3, 8))).isFalse();
    }

    @Test
    @DisplayName("ULIDs are 26 Crockford characters, ordered by their millisecond")
    void ulids() {
        String early = Ulid.next(1_700_000_000_000L);
        String late = Ulid.next(1_700_000_000_001L);
        assertThat(early).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(early.compareTo(late)).isNegative();
        assertThat(Ulid.next()).isNotEqualTo(Ulid.next());
    }
}
