package io.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.consent.ContactOutcome;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The batch reads answer in customer order whether the chunk comes sorted (used as it is) or not (sorted first). */
class BatchReadOrderTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final CustomerId A = CustomerId.of("c-a");
    private static final CustomerId B = CustomerId.of("c-b");
    private static final CustomerId C = CustomerId.of("c-c");

    @Test
    @DisplayName("a strictly ascending list is used as it is; unsorted, repeated or non-list input is sorted and deduplicated")
    void ascending() {
        List<CustomerId> sorted = new ArrayList<>(List.of(A, B, C));
        assertThat(MemoryTable.ascending(sorted)).isSameAs(sorted);
        assertThat(MemoryTable.ascending(List.of(C, A, B))).containsExactly(A, B, C);
        assertThat(MemoryTable.ascending(List.of(A, A, C))).containsExactly(A, C);
        assertThat(MemoryTable.ascending(new LinkedHashSet<>(List.of(C, B)))).containsExactly(B, C);
        assertThat(MemoryTable.ascending(List.<CustomerId>of())).isEmpty();
    }

    @Test
    @DisplayName("do-not-contact flags and carried-out contacts come back in customer order for any input order")
    void sameAnswerForAnyOrder() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Meta meta = Meta.created(AT, "test");
        for (CustomerId id : List.of(C, A)) {
            store.doNotContact().save(new DoNotContact(id, true, Set.of(), "call-centre", meta));
            store.contactLog().save(new ContactAttempt(ContactAttemptId.of("a-" + id.value()), id, Channel.SMS,
                    ConsentPurpose.INFORMATION, null, AT, ContactOutcome.CARRIED_OUT, null, null, null, meta));
        }
        for (List<CustomerId> ids : List.of(List.of(A, B, C), List.of(C, B, A), Arrays.asList(B, C, A, C))) {
            assertThat(store.doNotContact().findByCustomers(ids)).extracting(DoNotContact::id).containsExactly(A, C);
            assertThat(store.contactLog().findCarriedOut(ids, AT.minusSeconds(60))).extracting(ContactAttempt::customerId)
                    .containsExactly(A, C);
            assertThat(store.consents().findByCustomers(ids)).isEmpty();
        }
    }
}
