package io.crmkit.tck;

import static io.crmkit.tck.assertions.CrmAssertions.assertThat;
import static io.crmkit.tck.assertions.CrmAssertions.assertThatTimeline;
import static io.crmkit.tck.assertions.CrmAssertions.thrownValidation;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.TimelineCursor;
import io.crmkit.tck.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A customer's timeline: newest first by occurredAt then id (both descending), paged with
 * {@link TimelineCursor}s, without gaps or repeats, also while another thread records new
 * interactions before, among and after the ones being read.
 */
public abstract class TimelineContract extends StoreContract {
    private static final Comparator<Interaction> NEWEST_FIRST = Comparator.comparing(Interaction::occurredAt)
            .thenComparing(Interaction::id).reversed();

    private InteractionRepository interactions() {
        return store().interactions();
    }

    private CustomerId customer() {
        return store().customers().save(Fixtures.customer().build()).id();
    }

    private Interaction save(CustomerId customer, Instant at, InteractionId id) {
        return interactions().save(Fixtures.interaction(customer).id(id).occurredAt(at).build());
    }

    /** Saves, in shuffled order, {@code slots} time slots of {@code perSlot} interactions sharing their time. */
    private List<Interaction> savedWithTies(CustomerId customer, int slots, int perSlot) {
        List<Runnable> saves = new ArrayList<>();
        List<Interaction> saved = Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < slots; s++) {
            Instant at = Fixtures.NOW.minusSeconds(3600L * s);
            for (int k = 0; k < perSlot; k++) {
                InteractionId id = Fixtures.interactionId();
                saves.add(() -> saved.add(save(customer, at, id)));
            }
        }
        Collections.shuffle(saves, new Random(slots * 31L + perSlot));
        saves.forEach(Runnable::run);
        return saved.stream().sorted(NEWEST_FIRST).toList();
    }

    private static List<InteractionId> ids(List<Interaction> list) {
        return list.stream().map(Interaction::id).toList();
    }

    @Test
    @DisplayName("the timeline lists only the customer's interactions, newest first, ties on time broken by id descending")
    void newestFirstWithTiesByIdDescending() {
        CustomerId customer = customer();
        List<Interaction> expected = savedWithTies(customer, 3, 3);
        save(customer(), Fixtures.NOW, Fixtures.interactionId());

        Page<Interaction> page = interactions().timeline(customer, PageRequest.first(50));

        assertThat(ids(page.items())).containsExactlyElementsOf(ids(expected));
        assertThatTimeline(page.items()).isNewestFirst();
        assertThat(page).isLast();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(page.items().get(i)).readsBackAs(expected.get(i));
        }
    }

    @Test
    @DisplayName("timeline pages continue exactly where the last ended, also inside a group of equal times")
    void pagesAcrossTies() {
        CustomerId customer = customer();
        List<Interaction> expected = savedWithTies(customer, 6, 4);

        for (int size : new int[] {1, 5, 7, 24}) {
            List<Interaction> read = Paging.readAll(p -> interactions().timeline(customer, p), size);
            assertThat(ids(read)).as("page size %s", size).containsExactlyElementsOf(ids(expected));
        }
        Page<Interaction> first = interactions().timeline(customer, PageRequest.first(5));
        assertThat(first).hasNext();
        assertThat(first.nextCursor()).as("the next cursor is the TimelineCursor of the page's last item")
                .isEqualTo(TimelineCursor.of(first.items().get(4)).encode());
    }

    @Test
    @DisplayName("any TimelineCursor encoded by the SPI type starts the page right after its position")
    void handMadeCursor() {
        CustomerId customer = customer();
        List<Interaction> expected = savedWithTies(customer, 4, 3);
        Interaction pivot = expected.get(4);

        String cursor = new TimelineCursor(pivot.occurredAt(), pivot.id()).encode();
        Page<Interaction> page = interactions().timeline(customer, new PageRequest(cursor, 3));

        assertThat(ids(page.items())).containsExactlyElementsOf(ids(expected.subList(5, 8)));
        Instant between = pivot.occurredAt().plusMillis(1);
        Page<Interaction> fromTime = interactions().timeline(customer,
                new PageRequest(new TimelineCursor(between, InteractionId.of("0")).encode(), 50));
        assertThat(ids(fromTime.items())).containsExactlyElementsOf(ids(expected.subList(3, expected.size())));
    }

    @Test
    @DisplayName("a cursor that is not a timeline cursor is refused with ValidationException on 'after'")
    void malformedCursorIsRefused() {
        CustomerId customer = customer();

        ValidationException e = thrownValidation(() -> interactions().timeline(customer, new PageRequest("garbage", 5)));

        assertThat(e.hasViolationOn("after")).isTrue();
    }

    @Test
    @DisplayName("an update that changes occurredAt moves the interaction to its new place in the timeline")
    void updateMovesInTimeline() {
        CustomerId customer = customer();
        List<Interaction> saved = savedWithTies(customer, 3, 1);
        Interaction oldest = saved.get(2);
        Interaction moved = new Interaction(oldest.id(), customer, oldest.channel(), oldest.direction(),
                Fixtures.NOW.plusSeconds(60), oldest.duration(), oldest.subject(), oldest.notes(), oldest.outcome(),
                oldest.participants(), oldest.contactId(), oldest.opportunityId(), oldest.externalRef(), oldest.meta());

        interactions().save(moved);

        assertThat(ids(interactions().timeline(customer, PageRequest.first(10)).items()))
                .containsExactly(oldest.id(), saved.get(0).id(), saved.get(1).id());
        assertThat(ids(Paging.readAll(p -> interactions().timeline(customer, p), 1)))
                .containsExactly(oldest.id(), saved.get(0).id(), saved.get(1).id());
    }

    @Test
    @DisplayName("a customer without interactions has an empty last page")
    void emptyTimeline() {
        assertThat(interactions().timeline(customer(), PageRequest.first(10))).hasItems(List.of()).isLast();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("paging while another thread records interactions neither repeats nor skips one that existed before the first page")
    void pagingUnderConcurrentInsertsHasNoGapsOrRepeats() throws Exception {
        CustomerId customer = customer();
        int slots = 10;
        // Each time slot gets 6 ids; existing interactions take the even ones, the writer the odd ones, so
        // new rows tie on time with existing ones and fall between them by id.
        List<Interaction> existing = new ArrayList<>();
        List<Interaction> later = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            Instant at = Fixtures.NOW.minusSeconds(600L * s);
            for (int k = 0; k < 6; k++) {
                Interaction i = Fixtures.interaction(customer).occurredAt(at).build();
                (k % 2 == 0 ? existing : later).add(i);
            }
            later.add(Fixtures.interaction(customer).occurredAt(at.minusSeconds(300)).build());
        }
        later.add(Fixtures.interaction(customer).occurredAt(Fixtures.NOW.plusSeconds(60)).build());
        later.add(Fixtures.interaction(customer).occurredAt(Fixtures.NOW.minusSeconds(86_400)).build());
        Collections.shuffle(existing, new Random(11));
        Collections.shuffle(later, new Random(13));
        existing.forEach(interactions()::save);

        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<Interaction> read;
        try {
            int[] next = {0};
            read = Paging.readAll(p -> interactions().timeline(customer, p), 7, () -> {
                List<Future<?>> batch = new ArrayList<>();
                for (int k = 0; k < 5 && next[0] < later.size(); k++, next[0]++) {
                    Interaction i = later.get(next[0]);
                    batch.add(writer.submit(() -> interactions().save(i)));
                }
                batch.forEach(CustomerPagingContract::await);
            });
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        later.stream().filter(i -> interactions().findById(i.id()).isEmpty()).forEach(interactions()::save);

        List<InteractionId> readIds = ids(read);
        Set<InteractionId> known = new java.util.HashSet<>(ids(existing));
        known.addAll(ids(later));
        assertThat(readIds).as("no interaction repeated").doesNotHaveDuplicates();
        assertThat(readIds).as("every interaction existing before the first page").containsAll(ids(existing));
        assertThat(known).as("only this customer's interactions").containsAll(readIds);
        assertThatTimeline(read).isNewestFirst();
        assertThat(interactions().countByCustomer(customer)).isEqualTo(existing.size() + later.size());
        assertThat(ids(Paging.readAll(p -> interactions().timeline(customer, p), 50)))
                .as("a fresh walk after every insert sees everything")
                .containsExactlyInAnyOrderElementsOf(known.stream().collect(Collectors.toList()));
    }
}
